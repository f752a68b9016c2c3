package io.streamlake.core.domain;

import java.util.Locale;

/** Where in the pipeline an event was found to be bad; written lower-case in the {@code dlq_stage} header. */
public enum DlqStage {
    /** The payload could not be parsed. */
    PARSE,
    /** The payload, its key, its dataset or its version did not pass validation. */
    VALIDATE,
    /**
     * A data-contract rule of the payload's schema version failed: a condition was false or could not be evaluated, or
     * a transform could not be applied. The rule's name is in the {@code dlq_rule} header.
     */
    RULE,
    /** The payload could not be encoded. */
    SERIALIZE,
    /** The broker refused the record for its content (e.g. too large for the topic). */
    PUBLISH;

    /** The header value, e.g. {@code validate}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a header value. */
    public static DlqStage fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

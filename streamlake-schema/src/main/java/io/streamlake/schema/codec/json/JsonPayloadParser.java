package io.streamlake.schema.codec.json;

import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.port.out.PayloadParser;

/**
 * Parses payloads as strict JSON: exactly one JSON value, which must be an object; UTF-8 only (no byte
 * order mark); no duplicate keys; nesting at most {@value #MAX_NESTING_DEPTH} deep; strings at most
 * {@value #MAX_STRING_LENGTH} characters; numbers at most {@value #MAX_NUMBER_LENGTH} digits. Floating-point
 * numbers are kept exactly (as {@code BigDecimal}) so decimal fields lose nothing.
 * Malformed input gives {@link ParseOutcome.Malformed} with the position ({@code at column 17} in a one-line payload, {@code at line 2, column 3} otherwise);
 * this class never throws for bad input. Thread-safe.
 *
 * <p>How, in three tiers that validation and Avro writing repeat under the same names: the flat tier reads a flat
 * object of plain ASCII scalars in one pass over the bytes ({@link FlatScan}); otherwise the streaming tier, a
 * strict UTF-8 check and one pass over the tokens ({@link StreamingScan}, no tree), accepts ordinary payloads; their
 * {@link JsonPayload} builds its tree only if something asks for it. Anything those passes do not accept goes
 * through the tree tier, the complete parse ({@link TreeParse}), which gives the outcome and reason: outcomes and
 * reasons are the same as when every payload goes through the tree parse.
 */
public final class JsonPayloadParser implements PayloadParser {

    public static final int MAX_NESTING_DEPTH = 200;
    public static final int MAX_STRING_LENGTH = 20_000_000;
    public static final int MAX_NUMBER_LENGTH = 1_000;
    public static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

    @Override
    public ParseOutcome parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return TreeParse.parse(raw);
        }
        TopLevelScalars flat = FlatScan.scan(raw);
        if (flat != null) {
            return new ParseOutcome.Parsed(new JsonPayload(raw, flat));
        }
        if (Utf8.problem(raw).isEmpty()) {
            TopLevelScalars top = StreamingScan.scan(raw);
            if (top != null) {
                return new ParseOutcome.Parsed(new JsonPayload(raw, top == StreamingScan.NOT_FLAT ? null : top));
            }
        }
        return TreeParse.parse(raw);
    }
}

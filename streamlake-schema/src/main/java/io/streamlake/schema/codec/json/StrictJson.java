package io.streamlake.schema.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson configuration of strict payload parsing, in one place: the limits of {@link JsonPayloadParser} and
 * the mappers built on them. Everything here is immutable and thread-safe once built.
 */
final class StrictJson {

    /**
     * Used for the Malformed reasons and the reference tree: parser-level duplicate detection, trailing tokens
     * refused, floats as {@code BigDecimal}.
     */
    static final ObjectMapper STRICT_MAPPER = mapper(factory(true));

    /**
     * The same limits without parser-level duplicate detection: for the streaming pass (which detects duplicates
     * itself) and for building the tree of bytes that pass has already accepted (the tree is the same).
     */
    static final JsonFactory FAST_FACTORY = factory(false);

    /** Builds the tree of accepted bytes: the strict mapper's features on {@link #FAST_FACTORY}. */
    static final ObjectMapper TREE_MAPPER = mapper(FAST_FACTORY);

    private StrictJson() {}

    private static JsonFactory factory(boolean duplicateDetection) {
        var builder = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(JsonPayloadParser.MAX_NESTING_DEPTH)
                        .maxStringLength(JsonPayloadParser.MAX_STRING_LENGTH)
                        .maxNumberLength(JsonPayloadParser.MAX_NUMBER_LENGTH)
                        .maxDocumentLength(JsonPayloadParser.MAX_DOCUMENT_LENGTH)
                        .build());
        if (duplicateDetection) {
            builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        }
        return builder.build();
    }

    private static ObjectMapper mapper(JsonFactory factory) {
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }
}

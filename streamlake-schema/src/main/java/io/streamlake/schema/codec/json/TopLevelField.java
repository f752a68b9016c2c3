package io.streamlake.schema.codec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Finds a top-level field of an accepted payload in its bytes, without a tree: the cheap path of
 * {@link JsonPayload#textField} for the key field. Stateless and thread-safe.
 */
final class TopLevelField {

    /** The field is missing, null, an object or an array (compared by identity, never a field's value). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String NONE = new String("<none>");

    /** The field is a number or boolean, whose text is Jackson's rendering of the tree node (by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String OTHER = new String("<other>");

    private TopLevelField() {}

    /**
     * The string value of the top-level field {@code name}, or {@link #NONE} or {@link #OTHER}; also {@link #OTHER}
     * when the bytes cannot be read (then the tree decides).
     */
    static String find(byte[] raw, String name) {
        try (JsonParser p = StrictJson.FAST_FACTORY.createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return OTHER;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean match = name.equals(p.currentName());
                JsonToken value = p.nextToken();
                if (match) {
                    return switch (value) {
                        case VALUE_STRING -> p.getText();
                        case VALUE_NULL, START_OBJECT, START_ARRAY -> NONE;
                        default -> OTHER;
                    };
                }
                p.skipChildren();
            }
            return NONE;
        } catch (IOException | RuntimeException e) {
            return OTHER;
        }
    }
}

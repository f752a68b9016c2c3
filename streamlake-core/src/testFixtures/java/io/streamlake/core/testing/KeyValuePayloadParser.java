package io.streamlake.core.testing;

import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.port.out.PayloadParser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-memory {@link PayloadParser} for a deliberately tiny format, UTF-8 {@code name=value;name=value},
 * so core tests need no JSON library. Anything else (invalid UTF-8, a field without {@code =}, an empty
 * name, a repeated name) is malformed.
 */
public final class KeyValuePayloadParser implements PayloadParser {

    @Override
    public ParseOutcome parse(byte[] raw) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            return new ParseOutcome.Malformed("not valid UTF-8");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String part : text.split(";", -1)) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    return new ParseOutcome.Malformed("field '" + part + "' is not name=value");
                }
                if (fields.put(part.substring(0, eq), part.substring(eq + 1)) != null) {
                    return new ParseOutcome.Malformed("field '" + part.substring(0, eq) + "' is repeated");
                }
            }
        }
        return new ParseOutcome.Parsed(new KeyValuePayload(raw, fields));
    }

    /** The payload this parser would make of {@code fields} written as {@code name=value;…}, in the map's order. */
    public static KeyValuePayload payloadOf(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append(text.length() == 0 ? "" : ";")
                .append(name)
                .append('=')
                .append(value));
        return new KeyValuePayload(text.toString().getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>(fields));
    }
}

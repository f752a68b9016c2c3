package io.streamlake.schema.validation;

import java.util.regex.Pattern;

/**
 * A JSON path such as {@code $.customer.address.zip} or {@code $.items[2].sku}, built cheaply while walking
 * and rendered only when a violation needs it. Names that are not identifiers are quoted: {@code $['a b']}.
 */
public final class JsonPath {

    public static final JsonPath ROOT = new JsonPath(null, null, -1);

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final JsonPath parent;
    private final String name;
    private final int index;

    private JsonPath(JsonPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    public JsonPath field(String fieldName) {
        return new JsonPath(this, fieldName, -1);
    }

    public JsonPath index(int i) {
        return new JsonPath(this, null, i);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        append(out);
        return out.toString();
    }

    private void append(StringBuilder out) {
        if (parent == null) {
            out.append('$');
            return;
        }
        parent.append(out);
        if (name == null) {
            out.append('[').append(index).append(']');
        } else if (IDENTIFIER.matcher(name).matches()) {
            out.append('.').append(name);
        } else {
            out.append("['")
                    .append(name.replace("\\", "\\\\").replace("'", "\\'"))
                    .append("']");
        }
    }
}

package io.streamlake.schema.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of a rules file, as written: Confluent's {@code Rule} members, unchecked beyond their JSON types (the
 * contracts module checks kinds, types, modes and expressions when it compiles them). Absent members are null, or
 * empty for {@code tags} and {@code params}.
 *
 * @param name          {@code name}
 * @param kind          {@code kind}: {@code CONDITION} or {@code TRANSFORM}
 * @param type          {@code type}: {@code CEL} or {@code CEL_FIELD}
 * @param mode          {@code mode}; StreamLake runs {@code WRITE} rules only
 * @param expr          {@code expr}
 * @param onSuccess     {@code onSuccess}
 * @param onFailure     {@code onFailure}: {@code DLQ} (the default), {@code NONE} or {@code ERROR}
 * @param tags          {@code tags}: the field tags a {@code CEL_FIELD} rule applies to
 * @param params        {@code params}: string values, given to the expressions as {@code params}
 * @param disabled      {@code disabled}
 * @param doc           {@code doc}
 * @param unknown       members Confluent's {@code Rule} does not have (a misspelt {@code onFailure} would otherwise be
 *                      silently ignored)
 * @param position      where the rule's object starts in its file, {@code line L, column C}
 */
public record RuleSpec(
        String name,
        String kind,
        String type,
        String mode,
        String expr,
        String onSuccess,
        String onFailure,
        List<String> tags,
        Map<String, String> params,
        boolean disabled,
        String doc,
        List<String> unknown,
        String position) {

    public RuleSpec {
        tags = List.copyOf(tags);
        params = Map.copyOf(params);
        unknown = List.copyOf(unknown);
        Objects.requireNonNull(position, "position");
    }

    /** {@code rule 'mask-email'} or, without a name, {@code rule #2}, for messages. */
    public String label(int index) {
        return name == null || name.isBlank() ? "rule #" + (index + 1) : "rule '" + name + "'";
    }
}

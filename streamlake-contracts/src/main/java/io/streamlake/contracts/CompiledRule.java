package io.streamlake.contracts;

import dev.cel.runtime.CelRuntime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A rule ready to run: its CEL programs, compiled once. Immutable and thread-safe (CEL programs are). */
sealed interface CompiledRule {

    String name();

    /** {@code message} and {@code params} fit; a false result or an evaluation error applies onFailure. */
    record Condition(
            String name, String expr, CelRuntime.Program program, boolean deadLetter, Map<String, String> params)
            implements CompiledRule {}

    /**
     * {@code guard ; value} over each field whose tags meet {@code tags} (every field when {@code tags} is empty).
     *
     * @param guard null when the expression has no guard (every selected field is transformed)
     */
    record FieldTransform(
            String name,
            String expr,
            CelRuntime.Program guard,
            CelRuntime.Program value,
            Set<String> tags,
            boolean deadLetter,
            Map<String, String> params,
            Map<org.apache.avro.Schema.Field, List<String>> fieldTags)
            implements CompiledRule {

        boolean selects(org.apache.avro.Schema.Field field) {
            List<String> own = fieldTags.getOrDefault(field, List.of());
            if (tags.isEmpty()) {
                return true;
            }
            for (String tag : own) {
                if (tags.contains(tag)) {
                    return true;
                }
            }
            return false;
        }
    }
}

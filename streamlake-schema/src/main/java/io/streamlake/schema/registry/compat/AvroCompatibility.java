package io.streamlake.schema.registry.compat;

import io.streamlake.schema.registry.CompatibilityLevel;
import io.streamlake.schema.registry.CompatibilityResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Avro's own reader/writer compatibility applied the way registries do: BACKWARD reads the old data with the
 * new schema (new = reader, old = writer), FORWARD the reverse, FULL both; non-transitive levels compare with
 * the latest version only. The in-memory registry enforces levels with it; the preflight explains a refusal with
 * it when a registry gives no reason. Stateless and thread-safe.
 */
public final class AvroCompatibility {

    private AvroCompatibility() {}

    /**
     * Whether {@code candidate} may follow {@code existing} under {@code level}, with Avro's reasons when not.
     *
     * @param existing the subject's schemas, oldest first
     */
    public static CompatibilityResult check(CompatibilityLevel level, Schema candidate, List<Schema> existing) {
        if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
            return CompatibilityResult.ok();
        }
        List<Schema> against = level.transitive() ? existing : List.of(existing.get(existing.size() - 1));
        List<String> messages = new ArrayList<>();
        for (Schema old : against) {
            if (level.backward()) {
                messages.addAll(
                        readerWriter(candidate, old, "new schema cannot read data written with an earlier one"));
            }
            if (level.forward()) {
                messages.addAll(
                        readerWriter(old, candidate, "an earlier schema cannot read data written with the new one"));
            }
        }
        return new CompatibilityResult(messages.isEmpty(), messages);
    }

    /** The reasons {@code reader} cannot read {@code writer}'s data; empty when it can. */
    static List<String> readerWriter(Schema reader, Schema writer, String what) {
        SchemaCompatibility.SchemaCompatibilityResult result = SchemaCompatibility.checkReaderWriterCompatibility(
                        reader, writer)
                .getResult();
        if (result.getCompatibility() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (SchemaCompatibility.Incompatibility i : result.getIncompatibilities()) {
            out.add(what + ": " + i.getType() + " at " + i.getLocation() + ": " + i.getMessage());
        }
        return out;
    }
}

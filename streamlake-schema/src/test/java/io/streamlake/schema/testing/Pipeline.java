package io.streamlake.schema.testing;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.Envelope;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.schema.SchemaModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Runs parse, validate and serialize of a {@link SchemaModule} the way the core's ingestion service does. */
public final class Pipeline {

    private Pipeline() {}

    public static SerializedPayload serialize(
            SchemaModule module, String dataset, Optional<SchemaVersion> version, String json) {
        Payload payload =
                ((ParseOutcome.Parsed) module.parser().parse(json.getBytes(StandardCharsets.UTF_8))).payload();
        ValidationOutcome outcome = module.validator().validate(DatasetName.of(dataset), version, payload);
        if (outcome instanceof ValidationOutcome.Invalid invalid) {
            throw new AssertionError("unexpectedly invalid: " + invalid.reason());
        }
        SchemaVersion resolved = ((ValidationOutcome.Valid) outcome).version();
        EventMetadata metadata = new EventMetadata(
                DatasetName.of(dataset), Optional.of(resolved), "id-1", Instant.EPOCH, "test", Map.of());
        return module.serializer().serialize(new Envelope("k", payload, metadata));
    }
}

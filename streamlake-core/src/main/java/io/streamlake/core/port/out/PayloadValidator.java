package io.streamlake.core.port.out;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.ValidationOutcome;
import java.util.Optional;

/**
 * Checks a payload against its dataset's schema. Thread-safe. An unknown dataset or version is an
 * {@link ValidationOutcome.Invalid} outcome naming it; a payload that does not match is an
 * {@link ValidationOutcome.Invalid} outcome that names the version it was checked against (its dead letter carries
 * that version). Only platform failures throw ({@link io.streamlake.core.domain.StreamLakeException}).
 */
public interface PayloadValidator {

    /**
     * @param version the version to validate against; empty means the dataset's latest
     */
    ValidationOutcome validate(DatasetName dataset, Optional<SchemaVersion> version, Payload payload);
}

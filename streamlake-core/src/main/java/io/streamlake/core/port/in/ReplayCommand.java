package io.streamlake.core.port.in;

import io.streamlake.core.domain.DatasetName;
import java.util.Objects;

/**
 * What to replay.
 *
 * @param dataset       the dataset whose dead letters are replayed
 * @param max           replay at most this many dead letters
 * @param fromBeginning replay every dead letter, also those earlier replays handled; otherwise only the others
 */
public record ReplayCommand(DatasetName dataset, long max, boolean fromBeginning) {

    public ReplayCommand {
        Objects.requireNonNull(dataset, "dataset");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
    }

    /** Every dead letter of {@code dataset} that no earlier replay handled. */
    public static ReplayCommand of(DatasetName dataset) {
        return new ReplayCommand(dataset, Long.MAX_VALUE, false);
    }
}

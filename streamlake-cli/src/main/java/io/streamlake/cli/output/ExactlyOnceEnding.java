package io.streamlake.cli.output;

import io.streamlake.core.domain.FileCheckpoint;
import java.util.Objects;
import java.util.Optional;

/**
 * How an exactly-once file run ended ({@code delivery.guarantee=exactly-once}), for the summary.
 *
 * @param checkpointTopic the compacted topic the checkpoints are committed to
 * @param transactions    transactions this run committed
 * @param checkpoint      the file's last committed checkpoint (this run's, or the one it resumed from); empty when
 *                        none was ever committed
 * @param aborted         events read whose transaction was aborted: not visible to {@code read_committed} consumers,
 *                        read again by {@code --resume}
 * @param abortedBecause  why the transaction was aborted; empty when none was
 * @param leftOpen        the run stopped at once with a transaction open (a second signal, or the shutdown time-out):
 *                        Kafka aborts it when the next run of the file starts, or after {@code transaction.timeout.ms}
 * @param complete        the file was committed to its end
 */
public record ExactlyOnceEnding(
        String checkpointTopic,
        long transactions,
        Optional<FileCheckpoint> checkpoint,
        long aborted,
        Optional<String> abortedBecause,
        boolean leftOpen,
        boolean complete) {

    public ExactlyOnceEnding {
        Objects.requireNonNull(checkpointTopic, "checkpointTopic");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(abortedBecause, "abortedBecause");
    }

    /** The first line {@code --resume} reads: the one after the checkpoint. */
    public long resumesAtLine() {
        return checkpoint.map(FileCheckpoint::line).orElse(0L) + 1;
    }
}

package io.streamlake.core.domain;

/**
 * Counts of a DLQ replay.
 *
 * @param read            dead letters read
 * @param republished     acknowledged on RAW
 * @param deadLettered    passed validation but were dead-lettered again at a later stage
 * @param stays           still invalid, left in the DLQ
 * @param failed          not acknowledged (the platform's failure); the next replay handles them again
 * @param alreadyReplayed not read because earlier replays handled them
 */
public record ReplaySummary(
        long read, long republished, long deadLettered, long stays, long failed, long alreadyReplayed) {

    public ReplaySummary {
        if (republished + deadLettered + stays + failed != read) {
            throw new IllegalArgumentException(
                    "replay outcomes add up to " + (republished + deadLettered + stays + failed) + ", not " + read);
        }
        if (alreadyReplayed < 0) {
            throw new IllegalArgumentException("alreadyReplayed must not be negative, got " + alreadyReplayed);
        }
    }
}

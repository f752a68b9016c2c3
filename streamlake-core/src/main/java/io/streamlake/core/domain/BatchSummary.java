package io.streamlake.core.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of a batch's outcomes; {@code published + deadLettered + failed} is the number of inputs.
 *
 * @param published           acknowledged on RAW
 * @param deadLettered        acknowledged on the DLQ
 * @param failed              not acknowledged
 * @param deadLetteredByStage dead letters per stage (stages with none are absent)
 */
public record BatchSummary(long published, long deadLettered, long failed, Map<DlqStage, Long> deadLetteredByStage) {

    public BatchSummary {
        if (published < 0 || deadLettered < 0 || failed < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        deadLetteredByStage = deadLetteredByStage.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(deadLetteredByStage));
        long byStage =
                deadLetteredByStage.values().stream().mapToLong(Long::longValue).sum();
        if (byStage != deadLettered) {
            throw new IllegalArgumentException("dead letters by stage add up to " + byStage + ", not " + deadLettered);
        }
    }

    /** How many inputs there were. */
    public long total() {
        return published + deadLettered + failed;
    }

    /** True when every input was acknowledged, on RAW or on the DLQ. */
    public boolean allAcknowledged() {
        return failed == 0;
    }
}

package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void givenStatLineWithBlanksAndParenthesesInTheName_thenTimesAreReadAfterTheLastParenthesis() {
        String line = "4242 (my (odd) proc) S 1 4242 4242 0 -1 4194560 1000 0 0 0 "
                + "250 40 7 3 20 0 12 0 12345 1000000 500 18446744073709551615";

        long[] times = ProcStat.times(line);

        // ticks of 10 ms: utime 250, stime 40, cutime 7, cstime 3
        assertThat(times).containsExactly(2_500_000_000L, 400_000_000L, 70_000_000L, 30_000_000L);
    }

    @Test
    void givenLineWithoutCpuFields_thenItIsRefused() {
        assertThatThrownBy(() -> ProcStat.times("12 (x) S 1 2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.times("no parenthesis")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNoSuchProcess_thenItsCpuIsUnknown() {
        assertThat(ProcStat.processCpuNanos(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void givenChildThatBurnsCpu_thenReapedChildrenTimeGrowsByAtLeastWhatItWasSeenUsing() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux /proc");
        OptionalLong before = ProcStat.reapedChildrenCpuNanos();
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done").start();
        long seen = 0;
        while (child.isAlive()) {
            OptionalLong now = ProcStat.processCpuNanos(child.pid());
            if (now.isPresent()) {
                seen = Math.max(seen, now.getAsLong());
            }
            Thread.sleep(10);
        }
        assertThat(child.waitFor()).isZero();
        long grown = ProcStat.reapedChildrenCpuNanos().getAsLong() - before.getAsLong();

        assertThat(seen).isPositive();
        assertThat(grown).isGreaterThanOrEqualTo(seen);
        assertThat(ProcStat.processCpuNanos(ProcessHandle.current().pid())).isPresent();
    }
}

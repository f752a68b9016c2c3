package io.streamlake.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of this whole JVM (every thread: the publishing thread, the producer's I/O thread, the embedded broker's
 * threads, GC and JIT), for a cost per event that does not depend on how busy the shared machine is.
 */
final class CpuTime {

    private CpuTime() {}

    /** Nanoseconds of CPU this process has used so far, or -1 when the JVM cannot tell. */
    static long processNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** {@code processNanos() - since}, or empty when either is unknown. */
    static java.util.OptionalLong since(long since) {
        long now = processNanos();
        return since < 0 || now < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(now - since);
    }
}

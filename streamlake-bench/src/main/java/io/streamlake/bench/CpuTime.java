package io.streamlake.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of this whole JVM (every thread: the publishing thread, the producer's I/O thread, GC and JIT; and a Connect
 * worker's when one runs here), for a cost per event that does not depend on how busy the shared machine is.
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
}

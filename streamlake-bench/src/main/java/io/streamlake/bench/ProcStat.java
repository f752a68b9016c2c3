package io.streamlake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU times of processes from Linux's {@code /proc/<pid>/stat}: a process's own ({@code utime + stime}, every thread)
 * and, for this JVM, that of the children it has reaped ({@code cutime + cstime}). The kernel adds a child's CPU (and
 * that of the children it reaped in turn) to its parent's {@code cutime}/{@code cstime} when the parent reaps it, which
 * the JVM's process reaper does before {@link Process#waitFor()} returns; so the growth of this JVM's reaped-children
 * time over a child's life is that child's whole CPU, read exactly once it has exited. Times are in clock ticks of
 * {@value #TICKS_PER_SECOND} per second ({@code USER_HZ}, what {@code /proc} reports on every Linux architecture,
 * whatever the kernel's own tick rate). Everything here is empty where there is no {@code /proc} (not Linux).
 */
final class ProcStat {

    /** Clock ticks per second in {@code /proc/<pid>/stat} ({@code sysconf(_SC_CLK_TCK)}, 100 on Linux). */
    static final long TICKS_PER_SECOND = 100;

    private static final long NANOS_PER_TICK = 1_000_000_000L / TICKS_PER_SECOND;
    // fields after the ")" that closes the command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17
    private static final int FIRST_FIELD_AFTER_NAME = 3;
    private static final int UTIME = 14;
    private static final int STIME = 15;
    private static final int CUTIME = 16;
    private static final int CSTIME = 17;

    private ProcStat() {}

    /** CPU time (user + system, every thread) process {@code pid} has used so far; empty when it cannot be read. */
    static OptionalLong processCpuNanos(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat"), false);
    }

    /** CPU time of the children this JVM has reaped so far (user + system); empty without {@code /proc}. */
    static OptionalLong reapedChildrenCpuNanos() {
        return read(Path.of("/proc", "self", "stat"), true);
    }

    private static OptionalLong read(Path stat, boolean children) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        try {
            long[] times = times(line);
            return OptionalLong.of(children ? times[2] + times[3] : times[0] + times[1]);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * {@code utime, stime, cutime, cstime} of one {@code /proc/<pid>/stat} line, in nanoseconds. The command name (field
     * 2, in parentheses) may hold blanks and parentheses, so fields are counted after its last {@code ")"}.
     *
     * @throws IllegalArgumentException when the line does not have those fields as numbers
     */
    static long[] times(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
        }
        String[] fields = statLine.substring(close + 1).trim().split("\\s+");
        if (fields.length <= CSTIME - FIRST_FIELD_AFTER_NAME) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line with too few fields: " + statLine);
        }
        try {
            return new long[] {ticks(fields, UTIME), ticks(fields, STIME), ticks(fields, CUTIME), ticks(fields, CSTIME)
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line without CPU times: " + statLine, e);
        }
    }

    private static long ticks(String[] fieldsAfterName, int field) {
        return Long.parseLong(fieldsAfterName[field - FIRST_FIELD_AFTER_NAME]) * NANOS_PER_TICK;
    }
}

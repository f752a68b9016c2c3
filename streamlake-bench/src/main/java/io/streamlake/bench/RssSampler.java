package io.streamlake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Peak resident set size of a child process, from Linux's {@code /proc/<pid>/status} (VmHWM, kB). */
final class RssSampler {

    private RssSampler() {}

    /** Samples every 50 ms until the process exits; the last VmHWM read (the high-water mark), or -1 without /proc. */
    static long sampleUntilExit(Process process) throws InterruptedException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = -1;
        do {
            peak = Math.max(peak, read(status));
        } while (!process.waitFor(50, TimeUnit.MILLISECONDS));
        return peak;
    }

    static long read(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

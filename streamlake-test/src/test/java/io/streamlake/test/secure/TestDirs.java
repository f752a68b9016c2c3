package io.streamlake.test.secure;

import java.nio.file.Path;

final class TestDirs {

    private TestDirs() {}

    /** The module's {@code target/} (set by surefire), or {@code target} relative to the working directory. */
    static Path work() {
        return Path.of(System.getProperty("streamlake.it.workdir", "target")).toAbsolutePath();
    }
}

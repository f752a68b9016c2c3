package io.streamlake.cli.command;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.cli.context.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevFreshTest {

    @TempDir
    Path dir;

    @Test
    void givenADirectoryWithOtherFiles_thenFreshRefusesToDeleteIt() throws Exception {
        Files.createDirectories(dir.resolve("kafka"));
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> DevCommand.requireDevDirectory(dir))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("not a dev data directory")
                .hasMessageContaining("notes.txt");
    }

    @Test
    void givenDevsOwnDirectoryOrNone_thenFreshMayDeleteIt() throws Exception {
        Files.createDirectories(dir.resolve("dev").resolve("kafka"));
        Files.createDirectories(dir.resolve("dev").resolve("registry"));
        Files.createDirectories(dir.resolve("dev").resolve("connect"));

        assertThatCode(() -> DevCommand.requireDevDirectory(dir.resolve("dev"))).doesNotThrowAnyException();
        assertThatCode(() -> DevCommand.requireDevDirectory(dir.resolve("missing")))
                .doesNotThrowAnyException();
    }
}

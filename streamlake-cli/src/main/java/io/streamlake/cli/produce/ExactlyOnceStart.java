package io.streamlake.cli.produce;

import io.streamlake.cli.context.UsageException;
import io.streamlake.core.domain.FileCheckpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an exactly-once file run starts: at the file's first line, or with {@code --resume} at the line after the
 * checkpoint committed last (refused, exit 2, when the file changed since, naming what differs: its size shrank, its
 * first block or the bytes just before the checkpoint differ, or it grew after a last line that had no line end).
 *
 * @param offset     the byte offset the run reads from
 * @param checkpoint the checkpoint it continues from; empty when it starts at the first line
 */
public record ExactlyOnceStart(long offset, Optional<FileCheckpoint> checkpoint) {

    /**
     * @param name   the file as the user named it
     * @param path   the file
     * @param last   the checkpoint committed last for the file, if any
     * @param resume whether {@code --resume} was given
     * @param err    where a line about the start is printed
     * @throws UsageException resuming a file that changed since its checkpoint
     */
    public static ExactlyOnceStart of(
            String name, Path path, Optional<FileCheckpoint> last, boolean resume, PrintWriter err) throws IOException {
        if (resume && last.isPresent()) {
            FileCheckpoint c = last.get();
            requireUnchanged(name, path, c);
            err.printf("resuming %s at line %d (byte %d), after its last checkpoint%n", name, c.line() + 1, c.offset());
            return new ExactlyOnceStart(c.offset(), last);
        }
        if (resume) {
            err.printf(
                    "warning: no committed checkpoint for %s (%s) in this dataset: starting at line 1%n",
                    name, path.toRealPath());
        } else if (last.isPresent() && last.get().offset() > 0) {
            err.printf(
                    "note: an earlier exactly-once run of %s committed up to line %d; this run starts at line 1 "
                            + "(add --resume to continue from there instead)%n",
                    name, last.get().line());
        }
        return new ExactlyOnceStart(0, Optional.empty());
    }

    /**
     * Refuses to resume {@code path} from checkpoint {@code c} when the file changed since.
     *
     * @param name the file as the user named it
     * @throws UsageException naming what differs
     */
    public static void requireUnchanged(String name, Path path, FileCheckpoint c) throws IOException {
        List<String> differences = new ArrayList<>(
                new FileIdentity(Path.of(c.path()), c.size(), c.blockLength(), c.blockSha256()).differences(path));
        if (differences.isEmpty()) {
            differences.addAll(FileIdentity.tailDifferences(path, c));
        }
        if (!differences.isEmpty()) {
            throw new UsageException("cannot resume: " + name + " changed since its last checkpoint ("
                    + String.join(", ", differences) + "); run without --resume to publish it from its first line");
        }
    }
}

package io.streamlake.cli.produce;

import io.streamlake.cli.context.UsageException;
import io.streamlake.core.domain.EventSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lines of a {@code produce} run: stdin, a file from its start, or a file resumed (first the lines a previous run
 * did not get acknowledged, then the file from the first byte that run did not read). Reading stops for good once
 * {@link #stop()} is called; {@link #next} and {@link #position()} share a lock, so a position taken from another
 * thread matches exactly the lines handed out before it.
 */
public final class ProduceInput implements AutoCloseable {

    /** How far a file run got: the byte offset of the first line not read, and how many prior re-run lines were read. */
    public record Position(long offset, long priorLinesRead) {}

    private final String name;
    private final Path file;
    private final FileIdentity identity;
    private final Optional<Path> priorRerun;
    private final InputStream in;
    private final JsonLines lines;
    private final InputStream priorIn;
    private final JsonLines prior;
    private final Object lock = new Object();
    private long priorLinesRead;
    /** Lines of the file before the offset it is read from, so a resumed run numbers its lines as the file does. */
    private final long linesBeforeOffset;

    private EventSource lastSource;
    private long linesHandedOut;
    private boolean frozen;
    private volatile boolean stopped;

    private ProduceInput(
            String name, Path file, FileIdentity identity, Optional<Path> priorRerun, long offset, InputStream in)
            throws IOException {
        this.name = name;
        this.file = file;
        this.identity = identity;
        this.priorRerun = priorRerun;
        this.in = in;
        this.lines = new JsonLines(in, offset);
        this.priorIn = priorRerun.isPresent() ? buffered(Files.newInputStream(priorRerun.get())) : null;
        this.prior = priorIn == null ? null : new JsonLines(priorIn, 0);
        this.linesBeforeOffset = file == null || offset == 0 ? 0 : lineEnds(file, offset);
    }

    private static long lineEnds(Path file, long length) throws IOException {
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream prefix = Files.newInputStream(file)) {
            long left = length;
            while (left > 0) {
                int read = prefix.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
                left -= read;
            }
        }
        return count;
    }

    /** Standard input: read once, never resumable. */
    public static ProduceInput stdin(InputStream in) {
        try {
            return new ProduceInput("-", null, null, Optional.empty(), 0, buffered(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file, from its start or (with {@code resume}) from its resume point.
     *
     * @throws UsageException the file is missing, a directory, unreadable; or, resuming, it has no resume point, it
     *                        changed since, or the resume point's re-run file is gone
     */
    public static ProduceInput file(String name, Path path, boolean resume) {
        if (Files.isDirectory(path)) {
            throw new UsageException("--file " + name + " is a directory, not a JSON Lines file");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // a pipe or device (--file <(zcat x.gz), /dev/stdin) reads like standard input: once, never resumable
            if (resume) {
                throw new UsageException("--file " + name + " is not a regular file and cannot be resumed");
            }
            try {
                return new ProduceInput(name, null, null, Optional.empty(), 0, buffered(Files.newInputStream(path)));
            } catch (IOException e) {
                throw new UsageException("file " + name + " cannot be read: " + e.getMessage());
            }
        }
        try {
            FileIdentity identity = FileIdentity.of(path);
            if (!resume) {
                return new ProduceInput(
                        name, path, identity, Optional.empty(), 0, buffered(Files.newInputStream(path)));
            }
            ResumePoint point = ResumePoint.read(path)
                    .orElseThrow(() -> new UsageException("no resume point for " + name + " (looked for "
                            + ResumePoint.location(path) + "); run without --resume"));
            java.util.List<String> differences = point.file().differences(path);
            if (!differences.isEmpty()) {
                throw new UsageException("cannot resume: " + name + " changed since the interrupted run ("
                        + String.join(", ", differences) + "); delete " + ResumePoint.location(path)
                        + " and run without --resume");
            }
            if (point.rerunFile().isPresent()
                    && !Files.isRegularFile(point.rerunFile().get())) {
                throw new UsageException("cannot resume: the re-run file "
                        + point.rerunFile().get() + " of the resume point is missing");
            }
            InputStream in = Files.newInputStream(path);
            in.skipNBytes(point.offset());
            return new ProduceInput(name, path, identity, point.rerunFile(), point.offset(), buffered(in));
        } catch (NoSuchFileException e) {
            throw new UsageException("file " + name + " does not exist");
        } catch (AccessDeniedException e) {
            throw new UsageException("file " + name + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new UsageException("file " + name + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Checks that {@code path} is a regular file that can be read, for a run that must be able to continue from a
     * byte offset ({@code delivery.guarantee=exactly-once}).
     *
     * @throws UsageException the file is missing, a directory, not a regular file, or unreadable
     */
    public static void requireRegularFile(String name, Path path, String why) {
        if (Files.isDirectory(path)) {
            throw new UsageException("--file " + name + " is a directory, not a JSON Lines file");
        }
        if (!Files.exists(path)) {
            throw new UsageException("file " + name + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageException("--file " + name + " is not a regular file: " + why);
        }
        if (!Files.isReadable(path)) {
            throw new UsageException("file " + name + " cannot be read: permission denied");
        }
    }

    /**
     * A regular file from byte {@code offset} on (the start of a line), numbering its lines as the file does; no
     * re-run file of an earlier run is read.
     *
     * @throws UsageException the file cannot be read
     */
    public static ProduceInput fileAt(String name, Path path, long offset) {
        try {
            FileIdentity identity = FileIdentity.of(path);
            InputStream in = Files.newInputStream(path);
            in.skipNBytes(offset);
            return new ProduceInput(name, path, identity, Optional.empty(), offset, buffered(in));
        } catch (NoSuchFileException e) {
            throw new UsageException("file " + name + " does not exist");
        } catch (AccessDeniedException e) {
            throw new UsageException("file " + name + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new UsageException("file " + name + " cannot be read: " + e.getMessage());
        }
    }

    private static InputStream buffered(InputStream in) {
        return new BufferedInputStream(in, 1 << 16);
    }

    /** The file, empty for stdin. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The file's identity when the run started, empty for stdin. */
    public Optional<FileIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /** The re-run file of the run resumed, empty when not resuming or it had none. */
    public Optional<Path> priorRerun() {
        return priorRerun;
    }

    public String name() {
        return name;
    }

    public boolean hasNext() {
        if (stopped) {
            return false;
        }
        return (prior != null && prior.hasNext()) || lines.hasNext();
    }

    /** The next line, handed to {@code sent} under the lock {@link #position()} takes. */
    public byte[] next(Consumer<byte[]> sent) {
        synchronized (lock) {
            while (frozen) { // the run is ending without waiting: the JVM halts, no further line is handed out
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("the run stopped", e);
                }
            }
            byte[] line;
            if (prior != null && prior.hasNext()) {
                line = prior.next();
                priorLinesRead++;
                lastSource = new EventSource(priorRerun.get().toString(), prior.lineNumber());
            } else {
                line = lines.next();
                linesHandedOut = linesBeforeOffset + lines.lineNumber();
                lastSource = new EventSource(name, linesHandedOut);
            }
            sent.accept(line);
            return line;
        }
    }

    /**
     * Where the line {@link #next} handed out last came from: the file as the user named it ({@code -} for stdin) and
     * its line number in that file, also when the run resumed from an offset; a line of the previous run's re-run
     * file names that file and its line there. Call on the thread that called {@link #next}.
     */
    public EventSource lastSource() {
        return lastSource;
    }

    /** How many lines of the input (not of a previous run's re-run file) were handed out, counted from its start. */
    public long linesRead() {
        synchronized (lock) {
            return linesHandedOut;
        }
    }

    /**
     * Hands out no further line, ever (a later {@link #next} waits until the JVM halts), and returns how far the run
     * got: taken together, so no line can slip between the position and what the caller takes as in flight.
     */
    public Position freeze() {
        synchronized (lock) {
            frozen = true;
            stopped = true;
            return new Position(lines.offset(), priorLinesRead);
        }
    }

    /** Reads no further line; {@link #hasNext()} answers false from now on. */
    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped;
    }

    /** How far the run got: every line handed out by {@link #next} lies before it. */
    public Position position() {
        synchronized (lock) {
            return new Position(lines.offset(), priorLinesRead);
        }
    }

    public boolean byteOrderMarkSkipped() {
        return lines.byteOrderMarkSkipped();
    }

    /**
     * Gives {@code out} the prior re-run file's lines not yet read at {@code position}, reading the file anew (so it
     * may run while another thread reads this input).
     */
    public long copyUnreadPriorLines(Position position, Consumer<byte[]> out) {
        if (priorRerun.isEmpty()) {
            return 0;
        }
        try (InputStream again = buffered(Files.newInputStream(priorRerun.get()))) {
            JsonLines rest = new JsonLines(again, 0);
            long skipped = 0;
            long copied = 0;
            while (rest.hasNext()) {
                byte[] line = rest.next();
                if (skipped < position.priorLinesRead()) {
                    skipped++;
                } else {
                    out.accept(line);
                    copied++;
                }
            }
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + priorRerun.get() + ": " + e.getMessage(), e);
        }
    }

    /** How many lines of the file lie at and after {@code offset}, reading the file anew; empty for stdin. */
    public Optional<Long> linesFrom(long offset) {
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream again = buffered(Files.newInputStream(file))) {
            again.skipNBytes(offset);
            JsonLines rest = new JsonLines(again, offset);
            long count = 0;
            while (rest.hasNext()) {
                rest.next();
                count++;
            }
            return Optional.of(count);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (priorIn != null) {
            priorIn.close();
        }
        in.close();
    }
}

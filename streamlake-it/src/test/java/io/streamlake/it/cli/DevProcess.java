package io.streamlake.it.cli;

import io.streamlake.cli.StreamLakeCli;
import io.streamlake.cli.context.CliEnvironment;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.Transports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code streamlake dev} running in a thread of this JVM until {@link #close()} interrupts it. */
final class DevProcess implements AutoCloseable {

    private static final Pattern EXPORT =
            Pattern.compile("export KAFKA_BOOTSTRAP_SERVERS=(\\S+) SCHEMA_REGISTRY_URL=(\\S+)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;

    private DevProcess(Path workDir, String... args) {
        ConsoleStreams console = new ConsoleStreams(new PrintWriter(out, true), new PrintWriter(err, true), false);
        String[] command = new String[args.length + 1];
        command[0] = "dev";
        System.arraycopy(args, 0, command, 1, args.length);
        thread = new Thread(
                () -> StreamLakeCli.execute(
                        console, new CliEnvironment(Map.of(), workDir), Transports.discover(), command),
                "streamlake-dev-under-test");
        thread.start();
    }

    /** Starts dev in {@code workDir} with {@code args} and waits for its export line. */
    static DevProcess start(Path workDir, String... args) throws InterruptedException {
        DevProcess dev = new DevProcess(workDir, args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!EXPORT.matcher(dev.out()).find()) {
            if (!dev.thread.isAlive() || System.nanoTime() > deadline) {
                dev.close();
                throw new AssertionError(
                        "dev did not print its export line; stdout:\n" + dev.out() + "\nstderr:\n" + dev.err());
            }
            Thread.sleep(100);
        }
        return dev;
    }

    String bootstrapServers() {
        return export().group(1);
    }

    String registryUrl() {
        return export().group(2);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    private Matcher export() {
        Matcher m = EXPORT.matcher(out());
        if (!m.find()) {
            throw new IllegalStateException("no export line yet");
        }
        return m;
    }

    /** Stops dev (its broker and registry) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(60));
        if (thread.isAlive()) {
            throw new AssertionError("dev did not stop within 60 s");
        }
    }

    /** A port nobody listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.streamlake.bench;

import io.streamlake.embedded.EmbeddedKafkaCluster;
import io.streamlake.embedded.EmbeddedKafkaConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The bench's broker in a process of its own, so that its CPU is the process's and not the bench's:
 * {@code java -cp <classpath> io.streamlake.bench.BrokerProcess <work dir>} starts an embedded single-broker KRaft
 * cluster ({@link EmbeddedKafkaCluster}) with its data under the work directory, prints one line
 * {@value #READY_PREFIX}{@code host:port} on stdout, and runs until its stdin ends (the bench closes it, or the bench
 * died) or it is terminated; then it stops the broker and exits. Everything else it prints goes to stderr, which
 * {@link BenchCluster} sends to a log file. Exit code 1 when the broker does not start, 2 on a usage error.
 */
public final class BrokerProcess {

    /** What the ready line starts with; the bootstrap servers follow. */
    static final String READY_PREFIX = "bootstrap.servers=";

    private BrokerProcess() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BrokerProcess <work dir>");
            System.exit(2);
        }
        PrintStream ready = System.out;
        // stdout carries only the ready line: anything else printed goes to the log
        System.setOut(System.err);
        EmbeddedKafkaCluster cluster;
        try {
            cluster = EmbeddedKafkaCluster.start(EmbeddedKafkaConfig.defaults()
                    .withBaseDirectory(Path.of(args[0]).toAbsolutePath()));
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "broker-shutdown"));
        ready.println(READY_PREFIX + cluster.bootstrapServers());
        ready.flush();
        awaitEndOf(System.in);
        cluster.close();
        System.exit(0);
    }

    private static void awaitEndOf(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // nothing is expected on stdin; only its end matters
            }
        } catch (IOException e) {
            // the bench's end of the pipe is gone: stop as on end of input
        }
    }
}

package io.streamlake.it.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code streamlake} ({@code io.streamlake.cli.Main}) in a child JVM on this test JVM's class path: for tests that
 * signal or kill the process. Its stdout is collected whole; its stderr lines are kept as they arrive and handed to a
 * listener (e.g. to follow the progress lines).
 *
 * @param out the child's whole stdout, once it closed it
 * @param err the stderr lines so far (synchronized)
 */
record CliChild(Process process, CompletableFuture<String> out, List<String> err) {

    /**
     * {@code produce --dataset orders --file orders.jsonl --key-field order_id} to {@code bootstrapServers} and
     * {@code registryUrl} under {@code topicPrefix}, then {@code more}.
     */
    static List<String> produceOrdersFile(
            String bootstrapServers, String registryUrl, String topicPrefix, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "produce",
                "--dataset",
                "orders",
                "--file",
                "orders.jsonl",
                "--key-field",
                "order_id",
                "--bootstrap-servers",
                bootstrapServers,
                "--schema-registry-url",
                registryUrl,
                "--topic-prefix",
                topicPrefix));
        args.addAll(List.of(more));
        return args;
    }

    /** Starts {@code streamlake args…} in {@code dir}; {@code onErrLine} sees each stderr line, on a reader thread. */
    static CliChild start(Path dir, Consumer<String> onErrLine, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.streamlake.cli.Main"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), UTF_8);
            } catch (IOException e) {
                return "cannot read stdout: " + e;
            }
        });
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    err.add(line);
                    onErrLine.accept(line);
                }
            } catch (IOException e) {
                err.add("cannot read stderr: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new CliChild(process, out, err);
    }
}

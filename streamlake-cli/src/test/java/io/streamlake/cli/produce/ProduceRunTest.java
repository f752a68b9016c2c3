package io.streamlake.cli.produce;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.cli.output.ProduceReport;
import io.streamlake.cli.output.Progress;
import io.streamlake.cli.output.RunEnding;
import io.streamlake.runtime.ConsoleStreams;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped without waiting for its events in flight (a second signal, or shutdown.timeout.ms after the first):
 * those events are written to the re-run file as outcome unknown, the resume point is the first line not read, the
 * summary is printed, and the JVM is halted with 143 or 130. No outcome ever arrives here, so nothing races.
 */
class ProduceRunTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final ConsoleStreams console =
            new ConsoleStreams(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), false);
    private final AtomicInteger halted = new AtomicInteger(-1);
    private final CountDownLatch halt = new CountDownLatch(1);
    private final AtomicInteger summaries = new AtomicInteger();

    private static String line(int i) {
        return "{\"order_id\":\"o-" + i + "\"}";
    }

    private ProduceInput input(int lines) throws IOException {
        Path file = Files.writeString(
                dir.resolve("orders.jsonl"),
                IntStream.range(0, lines).mapToObj(ProduceRunTest::line).collect(Collectors.joining("\n", "", "\n")));
        return ProduceInput.file("orders.jsonl", file, false);
    }

    private ProduceRun run(ProduceInput input, ProduceReport report, long shutdownTimeoutMs) {
        return new ProduceRun(
                input,
                report,
                new Progress(console, report, 60_000),
                console,
                shutdownTimeoutMs,
                summaries::incrementAndGet,
                code -> {
                    halted.set(code);
                    halt.countDown();
                });
    }

    private static long bytesOf(int lines) {
        return IntStream.range(0, lines)
                .mapToObj(i -> line(i) + "\n")
                .collect(Collectors.joining())
                .getBytes(StandardCharsets.UTF_8)
                .length;
    }

    @Test
    void givenASecondSignal_thenTheEventsInFlightAreWrittenAsUnknownAndTheJvmHaltsWith143() throws Exception {
        Path rerun = dir.resolve("rerun.jsonl");
        try (ProduceInput input = input(30);
                ProduceReport report = new ProduceReport(rerun)) {
            ProduceRun run = run(input, report, 60_000);
            List<Boolean> moreAfterTheFirstSignal = new ArrayList<>();

            int code = run.run(lines -> {
                for (int i = 0; i < 10; i++) {
                    lines.next();
                }
                run.signal(143);
                moreAfterTheFirstSignal.add(lines.hasNext());
                run.signal(143);
            });

            assertThat(moreAfterTheFirstSignal).containsExactly(false);
            assertThat(halted).hasValue(143);
            assertThat(code).isEqualTo(143);
            assertThat(summaries).hasValue(1);
            assertThat(err.toString())
                    .contains("SIGTERM: reading stopped")
                    .contains("stopping now (a second signal): events in flight have an unknown outcome");
            RunEnding ending = report.ending();
            assertThat(ending.unknown()).isEqualTo(10);
            assertThat(ending.notRead()).contains(20L);
            assertThat(ending.stoppedBy()).contains("SIGTERM");
            assertThat(Files.readAllLines(rerun))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10)
                            .mapToObj(ProduceRunTest::line)
                            .toList());
            ResumePoint point = ResumePoint.read(dir.resolve("orders.jsonl")).orElseThrow();
            assertThat(point.offset()).isEqualTo(bytesOf(10));
            assertThat(point.rerunFile()).isEqualTo(Optional.of(rerun));
        }
    }

    @Test
    void givenNoAcknowledgementWithinTheShutdownTimeout_thenItStopsAtOnceWith130() throws Exception {
        Path rerun = dir.resolve("rerun.jsonl");
        try (ProduceInput input = input(30);
                ProduceReport report = new ProduceReport(rerun)) {
            ProduceRun run = run(input, report, 50);

            int code = run.run(lines -> {
                for (int i = 0; i < 5; i++) {
                    lines.next();
                }
                run.signal(130);
                try {
                    assertThat(halt.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });

            assertThat(halted).hasValue(130);
            assertThat(code).isEqualTo(130);
            assertThat(err.toString()).contains("stopping now (shutdown.timeout.ms elapsed)");
            assertThat(report.ending().unknown()).isEqualTo(5);
            assertThat(report.ending().notRead()).contains(25L);
            assertThat(Files.readAllLines(rerun)).hasSize(5);
            assertThat(ResumePoint.read(dir.resolve("orders.jsonl"))
                            .orElseThrow()
                            .offset())
                    .isEqualTo(bytesOf(5));
        }
    }

    @Test
    void givenStdinStoppedAtOnce_thenTheRestIsNotCountedAndNoResumePointIsWritten() throws Exception {
        Path rerun = dir.resolve("rerun.jsonl");
        byte[] lines = IntStream.range(0, 30)
                .mapToObj(ProduceRunTest::line)
                .collect(Collectors.joining("\n", "", "\n"))
                .getBytes(StandardCharsets.UTF_8);
        try (ProduceInput input = ProduceInput.stdin(new java.io.ByteArrayInputStream(lines));
                ProduceReport report = new ProduceReport(rerun)) {
            ProduceRun run = run(input, report, 60_000);

            int code = run.run(it -> {
                for (int i = 0; i < 3; i++) {
                    it.next();
                }
                run.signal(130);
                run.signal(130);
            });

            assertThat(code).isEqualTo(130);
            assertThat(report.ending().notRead()).isEmpty();
            assertThat(report.ending().resumePoint()).isEmpty();
            assertThat(report.ending().unknown()).isEqualTo(3);
            assertThat(Files.readAllLines(rerun)).hasSize(3);
            assertThat(dir.resolve(".streamlake")).doesNotExist();
        }
    }
}

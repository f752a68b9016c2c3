package io.streamlake.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamlake.runtime.metrics.IngestionCounts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints a produce run's summary, as text or as one JSON object. The counts and the acknowledgement latency come
 * from the run's metrics ({@link IngestionCounts}); the reasons and the failures from the {@link ProduceReport}.
 */
public final class ProduceSummary {

    private final ProduceReport report;
    private final IngestionCounts summary;

    public ProduceSummary(ProduceReport report, IngestionCounts summary) {
        this.report = report;
        this.summary = summary;
    }

    public void print(PrintWriter out, boolean json) {
        if (!json) {
            report.print(out, summary);
            out.flush();
            return;
        }
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("published", summary.published());
            g.writeNumberField("dead_lettered", summary.deadLettered());
            g.writeObjectFieldStart("dead_lettered_by_stage");
            for (Map.Entry<io.streamlake.core.domain.DlqStage, Long> e :
                    summary.deadLetteredByStage().entrySet()) {
                g.writeNumberField(e.getKey().wireName(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("dead_lettered_by_reason");
            for (Map.Entry<String, Long> e : report.deadLettersByReason().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("dead_lettered_by_rule");
            for (Map.Entry<String, Map<String, Long>> e : summary.rules().entrySet()) {
                Long n = e.getValue().get("dead_lettered");
                if (n != null) {
                    g.writeNumberField(e.getKey(), n);
                }
            }
            g.writeEndObject();
            g.writeObjectFieldStart("rules");
            for (Map.Entry<String, Map<String, Long>> e : summary.rules().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                for (Map.Entry<String, Long> effect : e.getValue().entrySet()) {
                    g.writeNumberField(effect.getKey(), effect.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeNumberField("failed", summary.failed());
            g.writeArrayFieldStart("failures");
            for (ProduceReport.Failure f : report.failures()) {
                g.writeStartObject();
                g.writeStringField("key", f.key());
                g.writeStringField("reason", f.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (summary.ackLatencyP50().isPresent()) {
                g.writeNumberField("ack_latency_p50_ms", ProduceReport.millis(summary.ackLatencyP50()));
                g.writeNumberField("ack_latency_p99_ms", ProduceReport.millis(summary.ackLatencyP99()));
            } else {
                g.writeNullField("ack_latency_p50_ms");
                g.writeNullField("ack_latency_p99_ms");
            }
            Path file = report.failedFile();
            g.writeStringField("failed_file", file == null ? null : file.toString());
            RunEnding end = report.ending();
            g.writeBooleanField("byte_order_mark_skipped", end.byteOrderMarkSkipped());
            g.writeStringField("stopped_by", end.stoppedBy().orElse(null));
            g.writeNumberField("lines_read", end.linesRead());
            if (end.notRead().isPresent()) {
                g.writeNumberField("not_read", end.notRead().get());
            } else {
                g.writeNullField("not_read");
            }
            g.writeNumberField("unknown", end.unknown());
            g.writeStringField(
                    "resume_point", end.resumePoint().map(Path::toString).orElse(null));
            if (report.exactlyOnce().isPresent()) {
                ExactlyOnceEnding eos = report.exactlyOnce().get();
                g.writeObjectFieldStart("exactly_once");
                g.writeStringField("checkpoint_topic", eos.checkpointTopic());
                g.writeNumberField("transactions", eos.transactions());
                if (eos.checkpoint().isPresent()) {
                    g.writeNumberField("checkpoint_line", eos.checkpoint().get().line());
                    g.writeNumberField(
                            "checkpoint_offset", eos.checkpoint().get().offset());
                } else {
                    g.writeNullField("checkpoint_line");
                    g.writeNullField("checkpoint_offset");
                }
                g.writeNumberField("aborted", eos.aborted());
                g.writeStringField("aborted_because", eos.abortedBecause().orElse(null));
                g.writeBooleanField("left_open", eos.leftOpen());
                g.writeBooleanField("complete", eos.complete());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }
}

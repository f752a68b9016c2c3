package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.ReplayOutcome;
import io.streamlake.core.domain.ReplaySummary;
import io.streamlake.core.port.in.ReplayCommand;
import io.streamlake.core.port.in.ReplayDeadLettersUseCase;
import io.streamlake.kafka.read.KafkaDeadLetterBacklog;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.runtime.transport.KafkaTransportProvider;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Re-validates a dataset's dead letters with the current catalog and republishes those that now pass. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Re-validate a dataset's dead letters against the current catalog; publish those that now pass to RAW",
            "(keeping key, event time, attributes and ingestion id); the others stay in the DLQ.",
            "Replays remember what they handled in the consumer group streamlake-replay.<topic prefix>.<dataset>:",
            "the next replay reads only dead letters no replay has handled yet (a failed republish is handled again);",
            "--from-beginning reads them all. 'dlq show' always shows them all."
        })
public final class DlqReplayCommand implements Callable<Integer> {

    @Mixin(name = Invocation.GLOBAL_MIXIN)
    GlobalOptions global;

    @Option(names = "--dataset", required = true, paramLabel = "DATASET", description = "The dataset.")
    DatasetName dataset;

    @Option(
            names = "--max",
            paramLabel = "N",
            defaultValue = "" + Long.MAX_VALUE,
            description = "Replay at most N dead letters.")
    long max;

    @Option(
            names = "--from-beginning",
            description = "Replay every dead letter, also those earlier replays handled (the group still advances).")
    boolean fromBeginning;

    private final CliContext context;
    private final ConsoleStreams console;

    @Inject
    DlqReplayCommand(CliContext context, ConsoleStreams console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() {
        ReplayDeadLettersUseCase replay = context.get(ReplayDeadLettersUseCase.class);
        Map<String, Long> stays = Collections.synchronizedMap(new TreeMap<>());
        Map<String, Long> failures = Collections.synchronizedMap(new TreeMap<>());
        ReplaySummary summary = replay.replay(new ReplayCommand(dataset, max, fromBeginning), outcome -> {
            if (outcome instanceof ReplayOutcome.Stays s) {
                stays.merge(oneLine(s.reason()), 1L, Long::sum);
            } else if (outcome instanceof ReplayOutcome.Replayed r && r.result() instanceof IngestionResult.Failed f) {
                failures.merge(oneLine(f.reason()), 1L, Long::sum);
            }
        });
        console.out().printf("read:          %d%n", summary.read());
        console.out().printf("skipped:       %d already replayed%s%n", summary.alreadyReplayed(), remembered());
        console.out().printf("republished:   %d%n", summary.republished());
        console.out().printf("dead-lettered: %d (passed validation, failed later)%n", summary.deadLettered());
        console.out().printf("stays:         %d%n", summary.stays());
        stays.forEach((reason, count) -> console.out().printf("  %4d × %s%n", count, reason));
        console.out().printf("failed:        %d%n", summary.failed());
        failures.forEach((reason, count) -> console.out().printf("  %4d × %s%n", count, reason));
        console.out().flush();
        return summary.failed() == 0 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    /** Where replays are remembered, when the transport is Kafka. */
    private String remembered() {
        if (!KafkaTransportProvider.NAME.equals(context.settings().core().transport())) {
            return "";
        }
        String group = new KafkaDeadLetterBacklog(
                        context.settings().config(KafkaAdapterConfig.class),
                        context.settings().core().topicNaming())
                .group(dataset);
        return " (consumer group " + group + "; --from-beginning re-reads them)";
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }
}

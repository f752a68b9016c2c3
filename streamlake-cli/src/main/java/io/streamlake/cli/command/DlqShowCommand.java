package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.RecordedDeadLetter;
import io.streamlake.kafka.read.KafkaDeadLetterSource;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.ConsoleStreams;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Groups a dataset's dead letters by stage and reason, with counts and a few samples each. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show a dataset's dead letters grouped by stage and reason, with counts and samples.")
public final class DlqShowCommand implements Callable<Integer> {

    @Mixin(name = Invocation.GLOBAL_MIXIN)
    GlobalOptions global;

    @Option(names = "--dataset", required = true, paramLabel = "DATASET", description = "The dataset.")
    DatasetName dataset;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "2",
            description = "Samples per reason (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--max",
            paramLabel = "N",
            defaultValue = "" + Long.MAX_VALUE,
            description = "Read at most N dead letters.")
    long max;

    private final CliContext context;
    private final ConsoleStreams console;

    @Inject
    DlqShowCommand(CliContext context, ConsoleStreams console) {
        this.context = context;
        this.console = console;
    }

    /** One group of dead letters. */
    private static final class Group {
        long count;
        final List<String> samples = new ArrayList<>();
    }

    @Override
    public Integer call() {
        KafkaDeadLetterSource source = new KafkaDeadLetterSource(
                context.settings().config(KafkaAdapterConfig.class),
                context.settings().core().topicNaming());
        Map<String, Group> groups = new LinkedHashMap<>();
        long read = source.readAll(dataset, max, recorded -> {
            DeadLetter dl = recorded.deadLetter();
            Group group = groups.computeIfAbsent(
                    dl.stage().wireName() + " / " + dl.errorClass() + ": " + oneLine(dl.reason(), 200),
                    k -> new Group());
            group.count++;
            if (group.samples.size() < samples) {
                group.samples.add(sample(recorded));
            }
        });
        String topic = context.settings().core().topicNaming().deadLetter(dataset);
        console.out().printf("%d dead letter(s) in %s%n", read, topic);
        groups.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().count, a.getValue().count))
                .forEach(e -> {
                    console.out().printf("%6d × %s%n", e.getValue().count, e.getKey());
                    e.getValue().samples.forEach(s -> console.out().printf("         e.g. %s%n", s));
                });
        console.out().flush();
        return 0;
    }

    private static String sample(RecordedDeadLetter recorded) {
        DeadLetter dl = recorded.deadLetter();
        String payload = oneLine(new String(dl.originalPayload(), StandardCharsets.UTF_8), 120);
        return recorded.position() + " key=" + dl.key() + (recorded.truncated() ? " (truncated) " : " ") + payload;
    }

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return line.length() > max ? line.substring(0, max - 1) + "…" : line;
    }
}

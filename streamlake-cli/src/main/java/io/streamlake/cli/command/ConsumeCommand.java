package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.cli.context.UsageException;
import io.streamlake.cli.output.OutputFormat;
import io.streamlake.cli.output.RecordView;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.kafka.read.ReadOptions;
import io.streamlake.kafka.read.TopicReader;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.schema.codec.avro.AvroWireDecoder;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reads a topic and shows its records decoded, with key, partition, offset, timestamp and headers. */
@Command(
        name = "consume",
        mixinStandardHelpOptions = true,
        description =
                "Read a topic (or a dataset's RAW or DLQ topic) and show each record: partition, offset, timestamp, key, headers, decoded value.")
public final class ConsumeCommand implements Callable<Integer> {

    @Mixin(name = Invocation.GLOBAL_MIXIN)
    GlobalOptions global;

    static final class Target {
        @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic to read.")
        String topic;

        @Option(
                names = "--dataset",
                required = true,
                paramLabel = "DATASET",
                description = "Read the dataset's RAW topic (its DLQ with --dlq).")
        DatasetName dataset;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--dlq", description = "With --dataset: read the DLQ topic.")
    boolean dlq;

    @Option(names = "--from-beginning", description = "Start at the earliest record (default: only new records).")
    boolean fromBeginning;

    @Option(
            names = "--max",
            paramLabel = "N",
            defaultValue = "" + Long.MAX_VALUE,
            description = "Stop after N records.")
    long max;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT5S",
            description = "Stop when no record arrived for this long (ISO-8601, e.g. PT10S; default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--output",
            paramLabel = "table|json",
            defaultValue = "table",
            description = "table (default) or json (one object a line).")
    OutputFormat output;

    private final CliContext context;
    private final ConsoleStreams console;

    @Inject
    ConsumeCommand(CliContext context, ConsoleStreams console) {
        this.context = context;
        this.console = console;
    }

    @Override
    public Integer call() {
        if (dlq && target.dataset == null) {
            throw new UsageException("--dlq needs --dataset");
        }
        TopicNaming naming = context.settings().core().topicNaming();
        String topic = target.topic != null
                ? target.topic
                : dlq ? naming.deadLetter(target.dataset) : naming.raw(target.dataset);
        TopicReader reader = new TopicReader(context.settings().config(KafkaAdapterConfig.class));
        long read = reader.read(topic, new ReadOptions(fromBeginning, max, timeout, false), record -> {
            RecordView view = RecordView.of(record, () -> context.get(AvroWireDecoder.class));
            if (output == OutputFormat.JSON) {
                view.printJson(console.out());
            } else {
                view.printTable(console.out());
            }
        });
        console.out().flush();
        console.err().printf("%d record(s) read from %s%n", read, topic);
        console.err().flush();
        return 0;
    }
}

package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.kafka.provision.ProvisioningResult;
import io.streamlake.kafka.provision.TopicProvisioner;
import io.streamlake.kafka.provision.TopicStatus;
import io.streamlake.kafka.settings.KafkaAdapterConfig;
import io.streamlake.runtime.ConsoleStreams;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code topics create}: provisions a dataset's RAW and DLQ topics. */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        subcommands = TopicsCommand.CreateCommand.class,
        description = "Provision Kafka topics.")
public final class TopicsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: create");
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description =
                    "Create a dataset's RAW and DLQ topics (idempotent); waits until every partition has a leader.")
    static final class CreateCommand implements Callable<Integer> {
        @Mixin(name = Invocation.GLOBAL_MIXIN)
        GlobalOptions global;

        @Option(names = "--dataset", required = true, paramLabel = "DATASET", description = "The dataset.")
        DatasetName dataset;

        @Option(names = "--partitions", paramLabel = "N", description = "Partitions of each topic (topics.partitions).")
        Integer partitions;

        @Option(
                names = "--replication-factor",
                paramLabel = "N",
                description = "Replication factor (topics.replication.factor).")
        Short replicationFactor;

        @Option(
                names = "--min-insync-replicas",
                paramLabel = "N",
                description = "min.insync.replicas (topics.min.insync.replicas).")
        Integer minInsyncReplicas;

        @Option(
                names = "--dlq-retention-ms",
                paramLabel = "MS",
                description = "DLQ retention.ms (topics.dlq.retention.ms).")
        Long dlqRetentionMs;

        private final CliContext context;
        private final Invocation invocation;
        private final ConsoleStreams console;

        @Inject
        CreateCommand(CliContext context, Invocation invocation, ConsoleStreams console) {
            this.context = context;
            this.invocation = invocation;
            this.console = console;
        }

        @Override
        public Integer call() {
            flag(KafkaAdapterConfig.TOPICS_PARTITIONS_CONFIG, partitions);
            flag(KafkaAdapterConfig.TOPICS_REPLICATION_FACTOR_CONFIG, replicationFactor);
            flag(KafkaAdapterConfig.TOPICS_MIN_INSYNC_REPLICAS_CONFIG, minInsyncReplicas);
            flag(KafkaAdapterConfig.TOPICS_DLQ_RETENTION_MS_CONFIG, dlqRetentionMs);
            ProvisioningResult result = context.get(TopicProvisioner.class).ensureTopics(dataset);
            print(result.raw());
            print(result.deadLetter());
            result.warnings().forEach(w -> console.err().println("warning: " + w));
            console.out().flush();
            console.err().flush();
            return 0;
        }

        private void flag(String key, Object value) {
            if (value != null) {
                invocation.addFlag(key, value.toString());
            }
        }

        private void print(TopicStatus status) {
            console.out()
                    .printf(
                            "%s %s: %d partition(s), replication factor %d%s%n",
                            status.created() ? "created" : "exists ",
                            status.name(),
                            status.partitions(),
                            status.replicationFactor(),
                            configs(status));
        }

        private static String configs(TopicStatus status) {
            StringBuilder out = new StringBuilder();
            new java.util.TreeMap<>(status.configs())
                    .forEach((k, v) -> out.append(", ").append(k).append('=').append(v));
            return out.toString();
        }
    }
}

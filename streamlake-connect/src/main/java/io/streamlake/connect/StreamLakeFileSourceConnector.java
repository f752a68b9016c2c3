package io.streamlake.connect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source connector for JSON Lines files that writes, for every line, the record {@code streamlake produce} writes:
 * RAW or DLQ, the same key, headers, value and partition. The files {@code input.path} names are split into parts
 * ({@code split.bytes}, at line boundaries) and the parts spread over up to {@code tasks.max} tasks, balanced by bytes;
 * every {@code poll.interval.ms} the connector looks again and, when files appeared or changed, asks the worker to
 * reconfigure the tasks (each part resumes from its committed offset wherever it lands).
 *
 * <p>Exactly-once: {@link #exactlyOnceSupport} is {@code SUPPORTED} and the connector can define its transaction
 * boundaries ({@code transaction.boundary=connector}: a transaction ends every {@code transaction.max.lines} lines and at
 * the end of each part). On workers with {@code exactly.once.source.support=enabled}, records and source offsets are
 * committed together, so a worker killed mid-file leaves no duplicates for {@code read_committed} consumers. Without it,
 * delivery is at least once.
 */
public class StreamLakeFileSourceConnector extends SourceConnector {

    private static final Logger LOG = LoggerFactory.getLogger(StreamLakeFileSourceConnector.class);

    private Map<String, String> props;
    private FileSourceConfig config;
    private ScheduledExecutorService monitor;
    private volatile List<InputFiles.Found> assigned = List.of();

    @Override
    public String version() {
        return PluginVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new FileSourceConfig(props);
        EventRecords.start(config).close(); // the StreamLake settings and the dataset, checked before any task starts
        // what the tasks read if they run on configurations made before this start (the connector restarted)
        assigned = InputFiles.scan(config.inputPaths());
        monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "streamlake-file-monitor");
            t.setDaemon(true);
            return t;
        });
        monitor.scheduleWithFixedDelay(
                this::lookForChanges, config.pollIntervalMs(), config.pollIntervalMs(), TimeUnit.MILLISECONDS);
    }

    private void lookForChanges() {
        try {
            List<InputFiles.Found> now = InputFiles.scan(config.inputPaths());
            if (!now.equals(assigned)) {
                LOG.info(
                        "input files changed ({} now, {} assigned): reconfiguring the tasks",
                        now.size(),
                        assigned.size());
                context.requestTaskReconfiguration();
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot look for new input files: {}", e.getMessage(), e);
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return StreamLakeFileSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<InputFiles.Found> files = InputFiles.scan(config.inputPaths());
        List<FileSplit> parts = new ArrayList<>();
        for (InputFiles.Found file : files) {
            parts.addAll(InputFiles.split(file, config.splitBytes()));
        }
        int tasks = Math.max(1, Math.min(maxTasks, parts.size()));
        List<List<FileSplit>> byTask = new ArrayList<>();
        long[] load = new long[tasks];
        for (int i = 0; i < tasks; i++) {
            byTask.add(new ArrayList<>());
        }
        List<FileSplit> largestFirst = new ArrayList<>(parts);
        largestFirst.sort(Comparator.comparingLong((FileSplit s) -> s.end() - s.start())
                .reversed()
                .thenComparing(FileSplit::file)
                .thenComparingLong(FileSplit::start));
        for (FileSplit part : largestFirst) {
            int least = 0;
            for (int i = 1; i < tasks; i++) {
                if (load[i] < load[least]) {
                    least = i;
                }
            }
            byTask.get(least).add(part);
            load[least] += part.end() - part.start();
        }
        List<Map<String, String>> configs = new ArrayList<>(tasks);
        for (List<FileSplit> own : byTask) {
            own.sort(Comparator.comparing(FileSplit::file).thenComparingLong(FileSplit::start));
            Map<String, String> task = new HashMap<>(props);
            task.put(FileSourceConfig.TASK_SPLITS_CONFIG, FileSplit.encode(own));
            configs.add(task);
        }
        assigned = files;
        LOG.info("{} file(s) in {} part(s) over {} task(s)", files.size(), parts.size(), tasks);
        return configs;
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.shutdownNow();
            monitor = null;
        }
    }

    @Override
    public ConfigDef config() {
        return StreamLakeConnectConfig.sourceDef();
    }

    /**
     * The ConfigDef's checks, then what only StreamLake can check (the dataset against the schema catalog, settings
     * that contradict each other), each reported on the key its message names ({@code dataset} when it names none).
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean clean =
                result.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (clean) {
            try {
                EventRecords.start(new FileSourceConfig(connectorConfigs)).close();
            } catch (ConfigException e) {
                report(result, e.getMessage());
            }
        }
        return result;
    }

    private static void report(Config result, String message) {
        ConfigValue named = null;
        int best = 0;
        for (ConfigValue value : result.configValues()) {
            String name = value.name();
            // ConfigException's own wording names its key first; other mentions of a key come second
            int score = message.contains("configuration " + name + ":")
                    ? 3
                    : message.contains("'" + name + "'") || message.contains(" " + name + " ") ? 2 : 0;
            if (score > best
                    || (score == best
                            && score > 0
                            && name.length() > named.name().length())) {
                named = value;
                best = score;
            }
        }
        for (ConfigValue value : result.configValues()) {
            if (value == named || (named == null && value.name().equals(StreamLakeConnectConfig.DATASET_CONFIG))) {
                value.addErrorMessage(message);
            }
        }
    }

    /** Records and offsets can be committed together: see the class comment. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** Tasks end a transaction every {@code transaction.max.lines} lines and at the end of each file part. */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.SUPPORTED;
    }
}

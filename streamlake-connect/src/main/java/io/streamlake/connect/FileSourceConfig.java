package io.streamlake.connect;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The settings of {@link StreamLakeFileSourceConnector}: {@link StreamLakeConnectConfig}'s and the file source's. */
public final class FileSourceConfig extends StreamLakeConnectConfig {

    /** The JSON Lines input: files, directories (their regular files) or globs, comma-separated. */
    public static final String INPUT_PATH_CONFIG = "input.path";

    /** Files larger than this are split at line boundaries into parts of about this size, read by several tasks. */
    public static final String SPLIT_BYTES_CONFIG = "split.bytes";

    /** How often the connector looks for new files, and how long an idle task waits between looks. */
    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";

    /** Most lines one poll of a task returns. */
    public static final String BATCH_MAX_LINES_CONFIG = "batch.max.lines";

    /** With connector-defined transaction boundaries: most lines in one transaction. */
    public static final String TRANSACTION_MAX_LINES_CONFIG = "transaction.max.lines";

    /** Internal: the file parts one task reads, set by the connector. */
    static final String TASK_SPLITS_CONFIG = "streamlake.task.splits";

    public FileSourceConfig(Map<?, ?> originals) {
        super(StreamLakeConnectConfig.sourceDef(), originals);
        if (getList(INPUT_PATH_CONFIG).isEmpty()) {
            throw new ConfigException(INPUT_PATH_CONFIG, "", "give at least one file, directory or glob");
        }
    }

    static ConfigDef sourceKeys(ConfigDef def) {
        return def.define(
                        INPUT_PATH_CONFIG,
                        ConfigDef.Type.LIST,
                        ConfigDef.NO_DEFAULT_VALUE,
                        ConfigDef.Importance.HIGH,
                        "The JSON Lines input, comma-separated: a file, a directory (its regular files, not hidden, "
                                + "not recursive) or a glob (e.g. /data/in/*.jsonl, /data/**/part-*.jsonl). Every worker "
                                + "must see the same paths (a shared file system). Move finished files in; a file that "
                                + "changes (size or modification time) after it was read is read again as a new file.")
                .define(
                        SPLIT_BYTES_CONFIG,
                        ConfigDef.Type.LONG,
                        128L * 1024 * 1024,
                        ConfigDef.Range.atLeast(0),
                        ConfigDef.Importance.MEDIUM,
                        "A file larger than this is split at line boundaries into parts of about this many bytes, "
                                + "read by different tasks; 0 never splits. Changing it for files already being read "
                                + "re-reads them.")
                .define(
                        POLL_INTERVAL_MS_CONFIG,
                        ConfigDef.Type.LONG,
                        5_000L,
                        ConfigDef.Range.atLeast(100),
                        ConfigDef.Importance.MEDIUM,
                        "How often the connector looks for new files under input.path (new files are spread over the "
                                + "tasks), and how long a task with nothing left to read waits between polls.")
                .define(
                        BATCH_MAX_LINES_CONFIG,
                        ConfigDef.Type.INT,
                        2_000,
                        ConfigDef.Range.between(1, 1_000_000),
                        ConfigDef.Importance.LOW,
                        "Most lines one poll of a task reads and hands to the worker.")
                .define(
                        TRANSACTION_MAX_LINES_CONFIG,
                        ConfigDef.Type.INT,
                        20_000,
                        ConfigDef.Range.between(1, 10_000_000),
                        ConfigDef.Importance.LOW,
                        "With exactly-once (workers with exactly.once.source.support=enabled and the connector's "
                                + "transaction.boundary=connector): a transaction ends after this many lines, and at "
                                + "the end of each file part, its source offset committed with its records.");
    }

    public List<String> inputPaths() {
        return getList(INPUT_PATH_CONFIG);
    }

    public long splitBytes() {
        return getLong(SPLIT_BYTES_CONFIG);
    }

    public long pollIntervalMs() {
        return getLong(POLL_INTERVAL_MS_CONFIG);
    }

    public int batchMaxLines() {
        return getInt(BATCH_MAX_LINES_CONFIG);
    }

    public int transactionMaxLines() {
        return getInt(TRANSACTION_MAX_LINES_CONFIG);
    }
}

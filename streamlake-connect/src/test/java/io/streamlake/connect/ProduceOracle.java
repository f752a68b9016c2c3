package io.streamlake.connect;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.runtime.StreamLake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code streamlake produce --file F --dataset orders --key-field order_id} writes, through the same runtime path
 * the CLI uses ({@code StreamLake.ingestStream()} with the commands {@code produce} builds: dataset, key field, the
 * line's bytes, its file and line as source). Its own line splitting follows the CLI's: line ends {@code \n} or
 * {@code \r\n}, blank lines skipped but counted, a byte-order mark at the start skipped.
 */
final class ProduceOracle {

    private ProduceOracle() {}

    /** One line of a file as produce reads it. */
    record Line(byte[] bytes, long number) {}

    static List<Line> lines(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int start = all.length >= 3 && all[0] == (byte) 0xEF && all[1] == (byte) 0xBB && all[2] == (byte) 0xBF ? 3 : 0;
        List<Line> out = new ArrayList<>();
        long number = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            number++;
            int stop = end > start && all[end - 1] == '\r' ? end - 1 : end;
            byte[] line = Arrays.copyOfRange(all, start, stop);
            boolean blank = true;
            for (byte b : line) {
                blank &= b == ' ' || b == '\t';
            }
            if (!blank) {
                out.add(new Line(line, number));
            }
            start = end + 1;
        }
        return out;
    }

    /** Produces the lines of {@code file} (provenance on: {@code withSource}) and returns the run's summary. */
    static BatchSummary produce(Map<String, String> settings, Path file, boolean withSource) throws IOException {
        List<IngestCommand> commands = new ArrayList<>();
        for (Line line : lines(file)) {
            IngestCommand command = new IngestCommand(
                    DatasetName.of("orders"),
                    null,
                    "order_id",
                    line.bytes(),
                    Optional.empty(),
                    Optional.empty(),
                    Map.of(),
                    Optional.empty(),
                    withSource ? Optional.of(new EventSource(file.toString(), line.number())) : Optional.empty());
            commands.add(command);
        }
        try (StreamLake lake = StreamLake.builder().settings(settings).build()) {
            return lake.ingestStream().ingestAll(commands.iterator(), outcome -> {});
        }
    }
}

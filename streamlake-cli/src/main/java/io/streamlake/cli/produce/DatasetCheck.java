package io.streamlake.cli.produce;

import io.streamlake.cli.context.UsageException;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.schema.catalog.SchemaCatalog;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line refuses a dataset the schema catalog does not know before anything is sent, suggesting the
 * nearest known name (a typo would otherwise dead-letter every event into a DLQ of its own). The library still
 * dead-letters an unknown dataset met inside a stream: there the caller cannot be asked.
 */
public final class DatasetCheck {

    private DatasetCheck() {}

    /** @throws UsageException when {@code dataset} is not in the catalog */
    public static void requireKnown(SchemaCatalog catalog, DatasetName dataset) {
        List<DatasetName> known = catalog.datasets();
        if (known.contains(dataset)) {
            return;
        }
        String wanted = dataset.value();
        String hint = known.stream()
                .map(DatasetName::value)
                .min(Comparator.comparingInt((String k) -> distance(wanted, k)).thenComparing(k -> k))
                .filter(k -> distance(wanted, k) <= Math.max(2, wanted.length() / 3))
                .map(k -> " (did you mean '" + k + "'?)")
                .orElseGet(() -> known.isEmpty()
                        ? " (the schema catalog has no datasets)"
                        : " (known: "
                                + known.stream()
                                        .map(DatasetName::value)
                                        .sorted()
                                        .collect(Collectors.joining(", ")) + ")");
        throw new UsageException("unknown dataset '" + wanted + "'" + hint);
    }

    /** The Damerau–Levenshtein distance (optimal string alignment): a swap of two neighbours counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

package io.streamlake.schema.catalog;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A catalog whose schemas were all parsed when it was created. */
final class LoadedSchemaCatalog implements SchemaCatalog {

    /** By hash: {@link #lookup} runs for every event (validation and serialization). */
    private final Map<DatasetName, NavigableMap<SchemaVersion, CatalogEntry>> byDataset;
    /** Each dataset's latest version, looked up already: the answer for most events, made once. */
    private final Map<DatasetName, CatalogLookup.Found> latest;
    /** The datasets in name order, for listing. */
    private final List<DatasetName> names;

    LoadedSchemaCatalog(Collection<CatalogEntry> entries) {
        Map<DatasetName, NavigableMap<SchemaVersion, CatalogEntry>> map = new HashMap<>();
        for (CatalogEntry entry : entries) {
            map.computeIfAbsent(entry.dataset(), d -> new TreeMap<>()).put(entry.version(), entry);
        }
        this.byDataset = map;
        Map<DatasetName, CatalogLookup.Found> newest = new HashMap<>();
        map.forEach((dataset, versions) ->
                newest.put(dataset, new CatalogLookup.Found(versions.lastEntry().getValue())));
        this.latest = newest;
        this.names = map.keySet().stream()
                .sorted(Comparator.comparing(DatasetName::value))
                .toList();
    }

    @Override
    public List<DatasetName> datasets() {
        return names;
    }

    @Override
    public List<SchemaVersion> versions(DatasetName dataset) {
        NavigableMap<SchemaVersion, CatalogEntry> versions = byDataset.get(dataset);
        return versions == null ? List.of() : List.copyOf(versions.keySet());
    }

    @Override
    public CatalogLookup lookup(DatasetName dataset, Optional<SchemaVersion> version) {
        if (version.isEmpty()) {
            CatalogLookup.Found found = latest.get(dataset);
            if (found != null) {
                return found;
            }
        }
        NavigableMap<SchemaVersion, CatalogEntry> versions = byDataset.get(dataset);
        if (versions == null) {
            return new CatalogLookup.NotFound("unknown dataset '" + dataset + "' (the schema catalog has "
                    + (names.isEmpty()
                            ? "no datasets"
                            : names.stream().map(DatasetName::value).collect(Collectors.joining(", ")))
                    + ")");
        }
        CatalogEntry entry = versions.get(version.get());
        if (entry == null) {
            return new CatalogLookup.NotFound("unknown schema version " + version.get() + " of dataset '" + dataset
                    + "' (known: "
                    + versions.keySet().stream().map(SchemaVersion::toString).collect(Collectors.joining(", ")) + ")");
        }
        return new CatalogLookup.Found(entry);
    }
}

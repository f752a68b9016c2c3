package io.streamlake.schema.catalog;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.InvalidRulesException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.schema.rules.RuleSet;
import io.streamlake.schema.rules.RuleSetReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Reads schema files, and the rules files beside them, from the classpath (through an index, which works the same
 * from a jar and from a directory) and from an external directory. A later source replaces an earlier one's entry,
 * the schema and its rules together: a version's rules come from the source that gave its schema.
 */
final class CatalogSources {

    private static final Pattern ENTRY = Pattern.compile("([^/\\\\]+)/(v[0-9]{1,9})\\.avsc");
    private static final Pattern RULES = Pattern.compile("([^/\\\\]+)/(v[0-9]{1,9})\\.rules\\.json");

    private final Map<String, CatalogEntry> entries = new HashMap<>();
    /** The rules files of the source being read, by {@code dataset/vN}, attached when the source is done. */
    private final Map<String, RuleSet> pendingRules = new HashMap<>();

    void addClasspath(ClassLoader loader, String indexResource) {
        String text = readResource(loader, indexResource);
        String base = indexResource.substring(0, indexResource.lastIndexOf('/') + 1);
        for (String line : text.split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = ENTRY.matcher(name);
            Matcher r = RULES.matcher(name);
            String resource = base + name;
            if (m.matches()) {
                add(m.group(1), m.group(2), "classpath:" + resource, readResource(loader, resource));
            } else if (r.matches()) {
                addRules(r.group(1), r.group(2), "classpath:" + resource, readResource(loader, resource));
            } else {
                throw new CatalogLoadException(
                        indexResource + ": '" + name + "' is not <dataset>/v<N>.avsc or <dataset>/v<N>.rules.json",
                        null);
            }
        }
        attachRules();
    }

    void addDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatalogLoadException(
                    "schema catalog directory " + dir + " does not exist or is not a directory", null);
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                Path relative = dir.relativize(file);
                String name = relative.toString().replace('\\', '/');
                Matcher m = ENTRY.matcher(name);
                Matcher r = RULES.matcher(name);
                if (relative.getNameCount() != 2 || !Files.isRegularFile(file)) {
                    continue;
                }
                if (m.matches()) {
                    add(m.group(1), m.group(2), file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                } else if (r.matches()) {
                    addRules(r.group(1), r.group(2), file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            attachRules();
        } catch (IOException | UncheckedIOException e) {
            throw new CatalogLoadException("cannot read schema catalog directory " + dir + ": " + e.getMessage(), e);
        }
    }

    List<CatalogEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    private void add(String dataset, String version, String source, String text) {
        DatasetName name;
        try {
            name = DatasetName.of(dataset);
        } catch (IllegalArgumentException e) {
            throw new CatalogLoadException(source + ": " + e.getMessage(), e);
        }
        SchemaVersion v = SchemaVersion.parse(version);
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text);
        } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
            throw new CatalogLoadException(source + " is not a valid Avro schema: " + e.getMessage(), e);
        }
        try {
            entries.put(dataset + "/" + v, new CatalogEntry(name, v, schema, source));
        } catch (IllegalArgumentException e) {
            throw new CatalogLoadException(e.getMessage(), e);
        }
    }

    private void addRules(String dataset, String version, String source, String text) {
        pendingRules.put(dataset + "/" + SchemaVersion.parse(version), RuleSetReader.read(source, text));
    }

    /**
     * Gives each schema of the source just read its rules file. A rules file of a version that source has no schema
     * for fails: the rules would otherwise run against a schema they were not written beside.
     */
    private void attachRules() {
        for (Map.Entry<String, RuleSet> e : pendingRules.entrySet()) {
            CatalogEntry entry = entries.get(e.getKey());
            if (entry == null || !sameSource(entry.source(), e.getValue().source())) {
                throw new InvalidRulesException(e.getValue().source() + " has no schema "
                        + e.getKey().substring(e.getKey().indexOf('/') + 1) + ".avsc beside it");
            }
            entries.put(
                    e.getKey(),
                    new CatalogEntry(
                            entry.dataset(),
                            entry.version(),
                            entry.schema(),
                            entry.source(),
                            Optional.of(e.getValue())));
        }
        pendingRules.clear();
    }

    /** Whether a schema and a rules file come from the same folder of the same source. */
    private static boolean sameSource(String schemaSource, String rulesSource) {
        return schemaSource
                .substring(0, schemaSource.length() - ".avsc".length())
                .equals(rulesSource.substring(0, rulesSource.length() - ".rules.json".length()));
    }

    private static String readResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogLoadException("classpath resource " + resource + " is missing", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogLoadException("cannot read classpath resource " + resource + ": " + e.getMessage(), e);
        }
    }
}

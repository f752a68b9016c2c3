package io.streamlake.schema.catalog;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Reads schema files from the classpath (through an index, which works the same from a jar and from a
 * directory) and from an external directory. A later source replaces an earlier one's entry.
 */
final class CatalogSources {

    private static final Pattern ENTRY = Pattern.compile("([^/\\\\]+)/(v[0-9]{1,9})\\.avsc");

    private final Map<String, CatalogEntry> entries = new HashMap<>();

    void addClasspath(ClassLoader loader, String indexResource) {
        String text = readResource(loader, indexResource);
        String base = indexResource.substring(0, indexResource.lastIndexOf('/') + 1);
        for (String line : text.split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = ENTRY.matcher(name);
            if (!m.matches()) {
                throw new CatalogLoadException(indexResource + ": '" + name + "' is not <dataset>/v<N>.avsc", null);
            }
            String resource = base + name;
            add(m.group(1), m.group(2), "classpath:" + resource, readResource(loader, resource));
        }
    }

    void addDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatalogLoadException(
                    "schema catalog directory " + dir + " does not exist or is not a directory", null);
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                Path relative = dir.relativize(file);
                Matcher m = ENTRY.matcher(relative.toString().replace('\\', '/'));
                if (relative.getNameCount() == 2 && m.matches() && Files.isRegularFile(file)) {
                    add(m.group(1), m.group(2), file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
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

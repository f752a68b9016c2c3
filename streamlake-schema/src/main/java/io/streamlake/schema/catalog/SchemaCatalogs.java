package io.streamlake.schema.catalog;

import java.nio.file.Path;
import java.util.Optional;

/** Creates catalogs. */
public final class SchemaCatalogs {

    /** Classpath resource listing the built-in schemas, one {@code <dataset>/v<N>.avsc} a line. */
    public static final String INDEX_RESOURCE = "schemas/index.txt";

    private SchemaCatalogs() {}

    /** The built-in schemas only (classpath resources listed in {@value #INDEX_RESOURCE}). */
    public static SchemaCatalog builtIn() {
        return create(Optional.empty());
    }

    /**
     * The built-in schemas extended, and where a dataset and version exist in both overridden, by the files
     * {@code <dir>/<dataset>/v<N>.avsc}. Every schema is parsed now.
     *
     * @throws CatalogLoadException naming the file when one cannot be read or parsed, or the directory does
     *         not exist
     */
    public static SchemaCatalog create(Optional<Path> externalDir) {
        CatalogSources sources = new CatalogSources();
        sources.addClasspath(SchemaCatalogs.class.getClassLoader(), INDEX_RESOURCE);
        externalDir.ifPresent(sources::addDirectory);
        return new LoadedSchemaCatalog(sources.entries());
    }
}

package io.streamlake.contracts;

import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.catalog.SchemaCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Catalog directories written by tests: one dataset, {@code shop}, with one schema version and its rules. */
final class Catalogs {

    /** A schema with a tagged field ({@code tags}) and a nested record whose field Confluent-tags PII. */
    static final String SHOP_V1 = """
            {"type": "record", "name": "Sale", "namespace": "test.shop", "fields": [
              {"name": "sale_id", "type": "string"},
              {"name": "amount", "type": "double"},
              {"name": "quantity", "type": "int", "default": 1},
              {"name": "currency", "type": ["null", "string"], "default": null},
              {"name": "email", "type": "string", "tags": ["PII"]},
              {"name": "buyer", "type": ["null", {"type": "record", "name": "Buyer", "fields": [
                {"name": "name", "type": "string", "confluent:tags": ["PII"]},
                {"name": "city", "type": "string"}]}], "default": null}
            ]}
            """;

    private Catalogs() {}

    static Path write(Path dir, String schema, String rules) {
        try {
            Path shop = Files.createDirectories(dir.resolve("shop"));
            Files.writeString(shop.resolve("v1.avsc"), schema);
            if (rules != null) {
                Files.writeString(shop.resolve("v1.rules.json"), rules);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SchemaCatalog catalog(Path dir, String rules) {
        return SchemaCatalogs.create(Optional.of(write(dir, SHOP_V1, rules)));
    }
}

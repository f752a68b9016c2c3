package io.streamlake.schema.registry.compat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FatalStreamLakeException;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.schema.catalog.CatalogEntry;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.catalog.UnknownSchemaException;
import io.streamlake.schema.config.SchemaConfig.RegistryMode;
import io.streamlake.schema.registry.CompatibilityResult;
import io.streamlake.schema.registry.RegisteredSchema;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.SchemaRegistryException;
import io.streamlake.schema.registry.SchemaRegistryUnavailableException;
import io.streamlake.schema.registry.SubjectNameStrategy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes catalog versions usable with the registry before any event is published, and remembers the result
 * per dataset and version so that serializing never calls the registry again. Thread-safe.
 *
 * <ul>
 *   <li>{@code auto-register}: the catalog schema is looked up under its subject; if absent, its
 *       compatibility is checked (for the registry's reasons) and it is registered.</li>
 *   <li>{@code use-latest}: the subject's latest schema is used to write, and must be able to read the
 *       catalog version (Avro reader/writer compatibility).</li>
 *   <li>{@code pinned}: the schema with the pinned id is used to write, with the same check.</li>
 * </ul>
 * An incompatible version is refused with a {@link FatalStreamLakeException} naming the subject, the catalog
 * version ({@code orders v3}) and the reason.
 */
public final class SchemaPreflight {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaPreflight.class);

    private final SchemaCatalog catalog;
    private final SchemaRegistryClient registry;
    private final SubjectNameStrategy subjects;
    private final TopicNaming topics;
    private final RegistryMode mode;
    private final Optional<Integer> pinnedId;
    private final Map<CatalogEntry, PreparedSchema> prepared = new ConcurrentHashMap<>();

    public SchemaPreflight(
            SchemaCatalog catalog,
            SchemaRegistryClient registry,
            SubjectNameStrategy subjects,
            TopicNaming topics,
            RegistryMode mode,
            Optional<Integer> pinnedId) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.pinnedId = Objects.requireNonNull(pinnedId, "pinnedId");
        if (mode == RegistryMode.PINNED && pinnedId.isEmpty()) {
            throw new IllegalArgumentException("pinned mode needs a pinned schema id");
        }
    }

    /** The subject a dataset's schema is registered under. */
    public String subject(CatalogEntry entry) {
        return subjects.subjectName(topics.raw(entry.dataset()), entry.schema());
    }

    /**
     * Registers or checks the version (empty: the dataset's latest) and returns the id and writer schema;
     * cached after the first success.
     *
     * @throws FatalStreamLakeException for an unknown dataset or version, or a version the registry refuses
     * @throws SchemaRegistryUnavailableException (retriable) when the registry cannot be reached
     */
    public PreparedSchema prepare(DatasetName dataset, Optional<SchemaVersion> version) {
        CatalogEntry entry;
        try {
            entry = catalog.require(dataset, version);
        } catch (UnknownSchemaException e) {
            throw new FatalStreamLakeException(e.getMessage(), e);
        }
        PreparedSchema known = prepared.get(entry);
        if (known != null) {
            return known;
        }
        PreparedSchema fresh = prepareNow(entry);
        PreparedSchema raced = prepared.putIfAbsent(entry, fresh);
        return raced != null ? raced : fresh;
    }

    /**
     * Whether the version is registered under its subject or could be registered now, without registering.
     *
     * @throws UnknownSchemaException for an unknown dataset or version
     * @throws SchemaRegistryUnavailableException (retriable) when the registry cannot be reached
     */
    public EvolutionCheck check(DatasetName dataset, SchemaVersion version) {
        CatalogEntry entry = catalog.require(dataset, Optional.of(version));
        String subject = subject(entry);
        Optional<RegisteredSchema> registered = registry.lookup(subject, entry.schema());
        if (registered.isPresent()) {
            return new EvolutionCheck(
                    entry.label(), subject, Optional.of(registered.get().id()), true, List.of());
        }
        CompatibilityResult result = explained(subject, entry, registry.checkCompatibility(subject, entry.schema()));
        return new EvolutionCheck(entry.label(), subject, Optional.empty(), result.compatible(), result.messages());
    }

    /**
     * Some registries (Apicurio) answer "incompatible" without reasons; then Avro's own reader/writer check
     * against the latest registered version explains it (the registry's level may differ, so it is labelled).
     */
    private CompatibilityResult explained(String subject, CatalogEntry entry, CompatibilityResult result) {
        if (result.compatible() || !result.messages().isEmpty()) {
            return result;
        }
        Optional<RegisteredSchema> latest = registry.latest(subject);
        if (latest.isEmpty()) {
            return result;
        }
        List<String> local = AvroCompatibility.readerWriter(
                entry.schema(),
                latest.get().schema(),
                "(registry gave no reason; Avro check against version "
                        + latest.get().version() + ") " + entry.label() + " cannot read data written with it");
        return new CompatibilityResult(
                false,
                local.isEmpty()
                        ? List.of("(registry gave no reason; " + entry.label() + " can read version "
                                + latest.get().version() + ", so the subject's level is stricter than BACKWARD)")
                        : local);
    }

    private PreparedSchema prepareNow(CatalogEntry entry) {
        String subject = subject(entry);
        PreparedSchema result = switch (mode) {
            case AUTO_REGISTER -> autoRegister(entry, subject);
            case USE_LATEST -> {
                RegisteredSchema latest = registry.latest(subject)
                        .orElseThrow(() -> refused(
                                entry,
                                subject,
                                "the subject has no registered versions (use-latest mode registers nothing; register the "
                                        + "schema first or use auto-register)"));
                yield readable(entry, subject, latest.id(), latest.schema(), "latest version " + latest.version());
            }
            case PINNED ->
                readable(
                        entry,
                        subject,
                        pinnedId.orElseThrow(),
                        registry.schemaById(pinnedId.orElseThrow()),
                        "pinned schema id " + pinnedId.orElseThrow());
        };
        LOG.info(
                "{} uses schema id {} under subject {} ({} mode, registry {})",
                entry.label(),
                result.schemaId(),
                subject,
                mode,
                registry.url());
        return result;
    }

    private PreparedSchema autoRegister(CatalogEntry entry, String subject) {
        Optional<RegisteredSchema> registered = registry.lookup(subject, entry.schema());
        if (registered.isPresent()) {
            return new PreparedSchema(entry, subject, registered.get().id(), entry.schema());
        }
        CompatibilityResult compatibility = registry.checkCompatibility(subject, entry.schema());
        if (!compatibility.compatible() && !compatibility.messages().isEmpty()) {
            throw refused(entry, subject, "incompatible with the registered schema: " + compatibility.reason());
        }
        // compatible, or incompatible without a reason: registering gives the registry's own reason (409)
        try {
            return new PreparedSchema(entry, subject, registry.register(subject, entry.schema()), entry.schema());
        } catch (SchemaRegistryException e) {
            if (e.status() == 409 || e.status() == 422) {
                throw refused(
                        entry,
                        subject,
                        "the registry refused it: " + e.registryMessage() + "; "
                                + explained(subject, entry, new CompatibilityResult(false, List.of()))
                                        .reason());
            }
            throw e;
        }
    }

    private PreparedSchema readable(CatalogEntry entry, String subject, int id, Schema writer, String what) {
        if (!writer.toString().equals(entry.schema().toString())) {
            List<String> reasons = AvroCompatibility.readerWriter(
                    writer, entry.schema(), "the registry's " + what + " cannot read payloads of " + entry.label());
            if (!reasons.isEmpty()) {
                throw refused(entry, subject, String.join("; ", reasons));
            }
        }
        return new PreparedSchema(entry, subject, id, writer);
    }

    private FatalStreamLakeException refused(CatalogEntry entry, String subject, String reason) {
        return new FatalStreamLakeException("schema " + entry.label() + " cannot be used with subject '" + subject
                + "' at registry " + registry.url() + ": " + reason);
    }
}

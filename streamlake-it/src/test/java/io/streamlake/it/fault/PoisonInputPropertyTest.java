package io.streamlake.it.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.BatchSummary;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DeadLetterValue;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.TopicNaming;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.service.IngestionService;
import io.streamlake.core.service.StreamIngestionService;
import io.streamlake.core.testing.InMemoryDeadLetterPort;
import io.streamlake.core.testing.InMemoryEventPublisher;
import io.streamlake.it.fault.PoisonCases.Poison;
import io.streamlake.schema.SchemaModule;
import io.streamlake.schema.SchemaModuleFactory;
import io.streamlake.schema.config.SchemaConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Poison inputs, 10,000+ tries over all properties, through the REAL schema module (strict parser, catalog
 * validator, JSON codec from {@link SchemaModuleFactory}) and the core's {@link IngestionService} and
 * {@link StreamIngestionService}: every input is dead-lettered at its stage with a reason, the DLQ value (encoded by
 * the real {@link DeadLetterValue}, which the Kafka DLQ port uses as is) gives back its bytes, nothing is published,
 * nothing fails, no exception escapes, and published + dead-lettered + failed = inputs.
 *
 * <p>Why the publisher and DLQ port are in memory here: jqwik runs tries one after another, and a try that waits for
 * a real broker's acknowledgement costs ~10-50 ms (linger, round trip), so 10,000 tries would take minutes. The
 * Kafka side of the same inputs is covered by {@link PoisonInputBrokerTest}: a sample of 600 from these generators
 * (plus 10 MB and 10,000-level cases) in one batch through the real adapter on the shared broker, read back from the
 * DLQ topics.
 */
class PoisonInputPropertyTest {

    private static final TopicNaming NAMING = new TopicNaming("poison");
    /** One real schema module for every try (as in production: created once per process; thread-safe). */
    private static final SchemaModule SCHEMA =
            SchemaModuleFactory.create(new SchemaConfig(Map.of(SchemaConfig.SERIALIZATION_CONFIG, "json")), NAMING);

    private static final IngestionSettings SETTINGS =
            IngestionSettings.defaults().withTopics(NAMING);

    @Property(tries = 3_000)
    void givenMalformedBytes_thenDeadLetteredAtParseWithBytesKept(@ForAll("malformed") Poison poison) {
        runBatch(List.of(poison));
    }

    @Provide
    Arbitrary<Poison> malformed() {
        return net.jqwik.api.Arbitraries.oneOf(
                PoisonCases.invalidJson(),
                PoisonCases.truncated(),
                PoisonCases.invalidUtf8(),
                PoisonCases.nulBytes(),
                PoisonCases.byteOrderMark());
    }

    @Property(tries = 400)
    void givenNestingUpTo10000Deep_thenDeadLetteredAtParse(@ForAll("deep") Poison poison) {
        runBatch(List.of(poison));
    }

    @Provide
    Arbitrary<Poison> deep() {
        return PoisonCases.deepNesting();
    }

    @Property(tries = 3_000)
    void givenWellFormedButInvalidEvents_thenDeadLetteredAtValidate(@ForAll("invalid") Poison poison) {
        runBatch(List.of(poison));
    }

    @Provide
    Arbitrary<Poison> invalid() {
        return net.jqwik.api.Arbitraries.oneOf(
                SchemaPoisonCases.wrongTypes(),
                SchemaPoisonCases.missingKey(),
                SchemaPoisonCases.unknownDataset(),
                SchemaPoisonCases.numbersOutOfRange());
    }

    /** Mixed batches of every kind (1-20 events each) through the stream service. */
    @Property(tries = 3_600)
    void givenMixedBatch_thenEveryEventDeadLetteredAndCountsAddUp(
            @ForAll("mixed") @Size(min = 1, max = 20) List<Poison> batch) {
        runBatch(batch);
    }

    @Provide
    Arbitrary<List<Poison>> mixed() {
        return PoisonCases.anySmall().list();
    }

    /** 10 MB payloads: few tries (each holds ~50 MB while it runs). */
    @Property(tries = 4)
    void givenTenMegabytePayload_thenDeadLetteredTruncatedWithSizeAndSha256(@ForAll("huge") Poison poison) {
        runBatch(List.of(poison));
    }

    @Provide
    Arbitrary<Poison> huge() {
        return PoisonCases.tenMegabytes();
    }

    private static void runBatch(List<Poison> batch) {
        InMemoryEventPublisher publisher = new InMemoryEventPublisher();
        InMemoryDeadLetterPort deadLetters = new InMemoryDeadLetterPort();
        IngestionService ingestion = new IngestionService(
                SETTINGS,
                SCHEMA.parser(),
                SCHEMA.validator(),
                SCHEMA.serializer(),
                publisher,
                deadLetters,
                IdGenerator.randomUuids(),
                Clock.systemUTC());
        StreamIngestionService stream = new StreamIngestionService(ingestion, 8, () -> {
            publisher.flush();
            deadLetters.flush();
        });
        List<IngestionResult> results = Collections.synchronizedList(new ArrayList<>());
        List<IngestCommand> commands = batch.stream().map(Poison::command).toList();

        BatchSummary summary = stream.ingestAll(commands.iterator(), results::add);

        assertThat(summary.published() + summary.deadLettered() + summary.failed())
                .as("%s", summary)
                .isEqualTo(batch.size());
        assertThat(summary.failed()).as("failed: %s", results).isZero();
        assertThat(summary.published()).as("published: %s", results).isZero();
        assertThat(publisher.all()).isEmpty();
        assertThat(results).hasSize(batch.size());
        Map<String, DeadLetter> lettersById = new HashMap<>();
        for (DeadLetter letter : deadLetters.all()) {
            lettersById.put(letter.metadata().ingestionId(), letter);
        }
        assertThat(lettersById).hasSize(batch.size());
        for (IngestionResult result : results) {
            Poison poison = batch.stream()
                    .filter(p -> p.command().payload() == result.ref().payload())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("a result for an event that was not sent: " + result));
            assertThat(result).as("%s", poison).isInstanceOfSatisfying(IngestionResult.DeadLettered.class, d -> {
                assertThat(d.stage()).as("%s: %s", poison, d.reason()).isEqualTo(poison.stage());
                assertThat(d.reason()).as("%s", poison).isNotBlank();
            });
            DeadLetter letter = lettersById.get(result.ref().ingestionId());
            assertThat(letter).as("%s", poison).isNotNull();
            assertThat(Arrays.equals(letter.originalPayload(), poison.payload()))
                    .as("%s", poison)
                    .isTrue();
            assertThat(letter.deadLetterTopic())
                    .isEqualTo(NAMING.deadLetter(poison.command().dataset()));
            DeadLetterValues.assertPreserves(
                    DeadLetterValue.encode(letter, SETTINGS.deadLetterPayloadLimit()),
                    poison.payload(),
                    SETTINGS.deadLetterPayloadLimit(),
                    poison.toString());
        }
    }
}

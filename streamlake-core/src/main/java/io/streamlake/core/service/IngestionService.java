package io.streamlake.core.service;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DeadLetter;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.domain.Envelope;
import io.streamlake.core.domain.EventMetadata;
import io.streamlake.core.domain.EventRef;
import io.streamlake.core.domain.EventSource;
import io.streamlake.core.domain.IngestionResult;
import io.streamlake.core.domain.IngestionSettings;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RejectedPayloadException;
import io.streamlake.core.domain.RuleOutcome;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.core.port.in.PreparedEvent;
import io.streamlake.core.port.in.StagedIngestUseCase;
import io.streamlake.core.port.out.DeadLetterPort;
import io.streamlake.core.port.out.EventPublisher;
import io.streamlake.core.port.out.IdGenerator;
import io.streamlake.core.port.out.IngestionMetrics;
import io.streamlake.core.port.out.PayloadParser;
import io.streamlake.core.port.out.PayloadRules;
import io.streamlake.core.port.out.PayloadSerializer;
import io.streamlake.core.port.out.PayloadValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Routes each event to RAW or to its DLQ: parse, find the key, validate, apply the schema version's data-contract rules,
 * serialize, publish. Data errors
 * become dead letters; platform errors become {@link IngestionResult.Failed}, never dead letters.
 * Thread-safe when its ports are. {@link #ingest} is {@link #prepare} then {@link #dispatch}; a stream may prepare on
 * several threads and dispatch in input order ({@link StreamIngestionService}).
 */
public final class IngestionService implements StagedIngestUseCase {

    private static final System.Logger LOG = System.getLogger(IngestionService.class.getName());

    private final IngestionSettings settings;
    private final PayloadParser parser;
    private final PayloadValidator validator;
    private final PayloadRules rules;
    private final PayloadSerializer serializer;
    private final EventPublisher publisher;
    private final DeadLetterPort deadLetters;
    private final IdGenerator ids;
    private final Clock clock;
    private final IngestionMetrics metrics;
    /** RAW topic names by dataset, so an event does not build its topic name again. */
    private final Map<DatasetName, String> rawTopics = new ConcurrentHashMap<>();

    public IngestionService(
            IngestionSettings settings,
            PayloadParser parser,
            PayloadValidator validator,
            PayloadSerializer serializer,
            EventPublisher publisher,
            DeadLetterPort deadLetters,
            IdGenerator ids,
            Clock clock) {
        this(settings, parser, validator, serializer, publisher, deadLetters, ids, clock, IngestionMetrics.none());
    }

    public IngestionService(
            IngestionSettings settings,
            PayloadParser parser,
            PayloadValidator validator,
            PayloadSerializer serializer,
            EventPublisher publisher,
            DeadLetterPort deadLetters,
            IdGenerator ids,
            Clock clock,
            IngestionMetrics metrics) {
        this(settings, parser, validator, PayloadRules.none(), serializer, publisher, deadLetters, ids, clock, metrics);
    }

    /**
     * @param rules the data-contract rules, applied after validation and before serialization
     */
    public IngestionService(
            IngestionSettings settings,
            PayloadParser parser,
            PayloadValidator validator,
            PayloadRules rules,
            PayloadSerializer serializer,
            EventPublisher publisher,
            DeadLetterPort deadLetters,
            IdGenerator ids,
            Clock clock,
            IngestionMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Parses, keys, validates, applies the rules to and serializes one event; see {@link StagedIngestUseCase#prepare}. Thread-safe.
     */
    @Override
    public PreparedEvent prepare(IngestCommand command) {
        long started = System.nanoTime();
        // no lambdas and no computeIfAbsent: this runs for every event
        String id = command.ingestionId().isPresent() ? command.ingestionId().get() : ids.newIngestionId();
        Instant time = command.eventTime().isPresent() ? command.eventTime().get() : clock.instant();
        String rawTopic = rawTopics.get(command.dataset());
        if (rawTopic == null) {
            rawTopic = rawTopics.computeIfAbsent(command.dataset(), settings.topics()::raw);
        }
        return new Attempt(command, id, time, rawTopic, started).prepare();
    }

    /**
     * Sends a prepared event to its RAW topic, or its dead letter to the DLQ; see {@link StagedIngestUseCase#dispatch}.
     * The future never completes exceptionally.
     */
    @Override
    public CompletableFuture<IngestionResult> dispatch(PreparedEvent event) {
        CompletableFuture<IngestionResult> result = new CompletableFuture<>();
        dispatch(event, result::complete);
        return result;
    }

    /**
     * As {@link #dispatch(PreparedEvent)}, reporting to {@code onOutcome}: a RAW event's outcome comes from the
     * publisher's callback (no future per event), on the transport's thread.
     */
    @Override
    public void dispatch(PreparedEvent event, Consumer<IngestionResult> onOutcome) {
        if (!(event instanceof Prepared prepared)) {
            throw new IllegalArgumentException("not prepared by this use case: " + event);
        }
        if (prepared instanceof Prepared.ToRaw raw) {
            publisher.publish(raw.event(), new RawOutcome(raw, onOutcome));
            return;
        }
        Consumer<IngestionResult> report = metrics == IngestionMetrics.none()
                ? onOutcome
                : outcome -> {
                    record(outcome, prepared.startedNanos());
                    onOutcome.accept(outcome);
                };
        if (prepared instanceof Prepared.ToDeadLetter dead) {
            deadLetter(dead.ref(), dead.letter()).thenAccept(report);
        } else {
            report.accept(((Prepared.NotPrepared) prepared).failed());
        }
    }

    /** Counts an outcome; a metrics port that throws is logged and never changes or loses the outcome. */
    private void record(IngestionResult outcome, long startedNanos) {
        try {
            if (outcome instanceof IngestionResult.Published p) {
                metrics.published(p.ref().dataset(), Duration.ofNanos(System.nanoTime() - startedNanos));
            } else if (outcome instanceof IngestionResult.DeadLettered d) {
                metrics.deadLettered(d.ref().dataset(), d.stage(), d.errorClass());
                if (d.rule() != null) {
                    metrics.ruleApplied(d.ref().dataset(), d.rule(), RuleOutcome.RuleEffect.Kind.DEAD_LETTERED);
                }
            } else if (outcome instanceof IngestionResult.Failed f) {
                metrics.failed(f.ref().dataset(), f.retriable());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the ingestion metrics failed to record an outcome: " + e, e);
        }
    }

    /**
     * The continuation of one RAW event, called by the publisher: counts its outcome and reports it; a rejected record
     * continues as a dead letter. One object per event (it was a lambda for the publisher and another for the
     * metrics), which the transport's thread, on another core, touches when the event is acknowledged.
     */
    private final class RawOutcome implements BiConsumer<PublishReceipt, Throwable> {
        private final Prepared.ToRaw raw;
        private final Consumer<IngestionResult> onOutcome;

        RawOutcome(Prepared.ToRaw raw, Consumer<IngestionResult> onOutcome) {
            this.raw = raw;
            this.onOutcome = onOutcome;
        }

        @Override
        public void accept(PublishReceipt receipt, Throwable error) {
            if (error != null) {
                CompletableFuture<IngestionResult> next;
                try {
                    next = afterPublishFailure(raw, Failures.unwrap(error));
                } catch (RuntimeException e) {
                    next = CompletableFuture.completedFuture(Failures.failed(raw.ref(), e));
                }
                next.whenComplete(
                        (outcome, failure) -> report(failure == null ? outcome : Failures.failed(raw.ref(), failure)));
                return;
            }
            IngestionResult outcome;
            try {
                outcome = new IngestionResult.Published(raw.ref(), raw.version(), receipt);
            } catch (RuntimeException e) {
                outcome = Failures.failed(raw.ref(), e);
            }
            report(outcome);
        }

        private void report(IngestionResult outcome) {
            if (metrics != IngestionMetrics.none()) {
                record(outcome, raw.startedNanos());
            }
            onOutcome.accept(outcome);
        }
    }

    private CompletableFuture<IngestionResult> afterPublishFailure(Prepared.ToRaw raw, Throwable error) {
        if (error instanceof RejectedPayloadException rejected) {
            OutboundEvent event = raw.event();
            return deadLetter(
                    raw.ref(),
                    new DeadLetter(
                            event.key(),
                            raw.ref().payload(),
                            event.metadata().withSource(raw.source()),
                            DlqStage.PUBLISH,
                            reason(raw.source(), rejected.getMessage()),
                            rejected.errorClass(),
                            clock.instant(),
                            event.topic(),
                            settings.topics().deadLetter(raw.ref().dataset())));
        }
        return CompletableFuture.completedFuture(Failures.failed(raw.ref(), error));
    }

    private CompletableFuture<IngestionResult> deadLetter(EventRef ref, DeadLetter letter) {
        String reason = letter.reason();
        try {
            return deadLetters
                    .deadLetter(letter)
                    .handle((receipt, error) -> error == null
                            ? new IngestionResult.DeadLettered(
                                    ref, letter.stage(), letter.errorClass(), reason, receipt, letter.ruleName())
                            : Failures.failed(
                                    ref,
                                    Failures.unwrap(error),
                                    "its dead letter (" + reason + ") was not acknowledged: "));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(
                    Failures.failed(ref, e, "its dead letter (" + reason + ") was not acknowledged: "));
        }
    }

    /**
     * One event's way through preparation. Its metadata is made once, when it is known whether the event goes to RAW
     * (with the schema version it conforms to) or to the DLQ (with the version it was checked against, if any).
     */
    private final class Attempt {
        private final IngestCommand command;
        private final String id;
        private final Instant time;
        private final String rawTopic;
        private final long started;
        /** The schema version the event was checked against; empty until then, or when none applied. */
        private Optional<SchemaVersion> version;

        private String key;

        Attempt(IngestCommand command, String id, Instant time, String rawTopic, long started) {
            this.command = command;
            this.id = id;
            this.time = time;
            this.rawTopic = rawTopic;
            this.started = started;
            this.version = command.schemaVersion();
            this.key = command.key();
        }

        EventRef ref() {
            return new EventRef(command.dataset(), key, id, command.payload(), command.source());
        }

        /** The event's metadata, with {@code source} as its source. */
        private EventMetadata metadata(Optional<EventSource> source) {
            return new EventMetadata(
                    command.dataset(), version, id, time, settings.producerService(), command.attributes(), source);
        }

        Prepared prepare() {
            try {
                return run();
            } catch (RuntimeException e) {
                return new Prepared.NotPrepared(Failures.failed(ref(), e), started);
            }
        }

        private Prepared run() {
            ParseOutcome parsed = parser.parse(command.payload());
            if (parsed instanceof ParseOutcome.Malformed malformed) {
                return deadLetter(DlqStage.PARSE, "MalformedPayload", malformed.reason());
            }
            Payload payload = ((ParseOutcome.Parsed) parsed).payload();
            if (key == null && command.keyField() != null) {
                key = payload.textField(command.keyField()).orElse(null);
            }
            if (key == null && settings.keyRequired()) {
                return deadLetter(
                        DlqStage.VALIDATE,
                        "MissingKey",
                        command.keyField() == null
                                ? "the event has no key, and keys are required"
                                : "key field '" + command.keyField() + "' is missing, null or not a scalar");
            }
            ValidationOutcome validation = validator.validate(command.dataset(), command.schemaVersion(), payload);
            if (validation instanceof ValidationOutcome.Invalid invalid) {
                if (version.isEmpty()) {
                    version = invalid.version();
                }
                return deadLetter(DlqStage.VALIDATE, "SchemaViolation", invalid.reason());
            }
            SchemaVersion valid = ((ValidationOutcome.Valid) validation).version();
            version = Optional.of(valid);
            if (rules != PayloadRules.none()) {
                RuleOutcome ruled = rules.apply(command.dataset(), valid, payload);
                if (ruled instanceof RuleOutcome.Broken broken) {
                    count(broken.effects());
                    return deadLetter(
                            DlqStage.RULE, broken.errorClass(), broken.reason(), broken.payload(), broken.rule());
                }
                RuleOutcome.Passed passed = (RuleOutcome.Passed) ruled;
                count(passed.effects());
                payload = passed.payload();
            }
            EventMetadata raw = metadata(settings.sourceOnRaw() ? command.source() : Optional.empty());
            SerializedPayload value;
            try {
                value = serializer.serialize(new Envelope(key, payload, raw));
            } catch (RejectedPayloadException e) {
                return deadLetter(DlqStage.SERIALIZE, e.errorClass(), e.getMessage());
            }
            return new Prepared.ToRaw(
                    ref(), new OutboundEvent(rawTopic, key, value, raw), valid, command.source(), started);
        }

        private Prepared deadLetter(DlqStage stage, String errorClass, String reason) {
            return deadLetter(stage, errorClass, reason, null, null);
        }

        /**
         * @param payload the payload the dead letter keeps when it is not the one received (a rule's transform changed
         *                it); null for the one received
         * @param rule    the rule that dead-lettered the event, or null
         */
        private Prepared deadLetter(DlqStage stage, String errorClass, String reason, Payload payload, String rule) {
            return new Prepared.ToDeadLetter(
                    ref(),
                    new DeadLetter(
                            key,
                            payload == null ? command.payload() : payload.raw(),
                            metadata(command.source()),
                            stage,
                            reason(command.source(), reason),
                            errorClass,
                            clock.instant(),
                            rawTopic,
                            settings.topics().deadLetter(command.dataset()),
                            rule),
                    started);
        }

        /** Counts the rules' transforms and tolerated violations; a metrics port that throws changes nothing. */
        private void count(java.util.List<RuleOutcome.RuleEffect> effects) {
            for (int i = 0; i < effects.size(); i++) {
                RuleOutcome.RuleEffect effect = effects.get(i);
                try {
                    metrics.ruleApplied(command.dataset(), effect.rule(), effect.kind());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "the ingestion metrics failed to count a rule: " + e, e);
                }
            }
        }
    }

    /**
     * A dead letter's reason names the file line it came from first, {@code orders.jsonl line 17: …}: the parser's own
     * position is inside the one line's payload.
     */
    private static String reason(Optional<EventSource> source, String reason) {
        return source.isEmpty()
                ? reason
                : source.get().file() + " line " + source.get().line() + ": " + reason;
    }
}

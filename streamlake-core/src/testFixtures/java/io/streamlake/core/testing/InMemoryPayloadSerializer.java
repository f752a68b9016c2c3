package io.streamlake.core.testing;

import io.streamlake.core.domain.Envelope;
import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.SerializedPayload;
import io.streamlake.core.port.out.PayloadSerializer;
import java.util.function.Function;

/**
 * An in-memory {@link PayloadSerializer} that passes the payload's bytes through as
 * {@code application/json}. {@link #failWith} scripts failures: the function returns the exception to throw
 * for an envelope (a {@code RejectedPayloadException} for bad data, a {@code StreamLakeException} for a
 * platform failure), or null to serialize it.
 */
public final class InMemoryPayloadSerializer implements PayloadSerializer {

    private volatile Function<Envelope, RuntimeException> failures = e -> null;

    public InMemoryPayloadSerializer failWith(Function<Envelope, RuntimeException> failures) {
        this.failures = failures;
        return this;
    }

    @Override
    public SerializedPayload serialize(Envelope envelope) {
        RuntimeException failure = failures.apply(envelope);
        if (failure != null) {
            throw failure;
        }
        return new SerializedPayload(envelope.payload().raw(), HeaderNames.CONTENT_TYPE_JSON);
    }
}

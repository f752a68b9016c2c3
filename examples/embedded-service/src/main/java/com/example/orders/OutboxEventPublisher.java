package com.example.orders;

import io.streamlake.core.domain.HeaderNames;
import io.streamlake.core.domain.OutboundEvent;
import io.streamlake.core.domain.PublishReceipt;
import io.streamlake.core.domain.RetriableStreamLakeException;
import io.streamlake.core.port.out.EventPublisher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * This service's own adapter for StreamLake's {@link EventPublisher} port: instead of Kafka, valid events go to an
 * append-only outbox file that a relay forwards later. One line per event: topic, key, the StreamLake headers as
 * {@code name=value} pairs, and the value in base64, separated by tabs. An event counts as published once its
 * line is forced to disk. Thread-safe (one writer at a time).
 */
public final class OutboxEventPublisher implements EventPublisher {

    private final Path file;
    private final FileChannel channel;
    private long lines;

    public OutboxEventPublisher(Path file) throws IOException {
        this.file = file;
        this.channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized CompletableFuture<PublishReceipt> publish(OutboundEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.topic())
                .append('\t')
                .append(event.key())
                .append('\t');
        Map<String, String> headers =
                HeaderNames.standardHeaders(event.metadata(), event.value().contentType());
        headers.forEach(
                (name, value) -> line.append(name).append('=').append(value).append(';'));
        line.append('\t')
                .append(Base64.getEncoder().encodeToString(event.value().bytes()))
                .append('\n');
        try {
            channel.write(ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new RetriableStreamLakeException("outbox " + file + " cannot be written: " + e.getMessage(), e));
        }
        return CompletableFuture.completedFuture(new PublishReceipt(event.topic(), 0, lines++, Instant.now()));
    }

    @Override
    public void flush() {
        // every publish is on disk before its future completes
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new RetriableStreamLakeException("outbox " + file + " cannot be closed: " + e.getMessage(), e);
        }
    }
}

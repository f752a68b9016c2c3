package io.streamlake.schema.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.apache.avro.Schema;

/**
 * ISO-8601 text for Avro's date/time logical types: {@code date} "2026-11-27"; {@code time-millis} and
 * {@code time-micros} "13:05:00.123"; {@code timestamp-*} an instant with an offset
 * ("2026-11-27T13:05:00Z", "…+01:00"); {@code local-timestamp-*} a local date-time. A timestamp with a
 * finer fraction than the type is truncated to the type's unit.
 */
final class Temporals {

    private Temporals() {}

    static long fromText(Schema schema, JsonNode node) {
        String logical = JsonAvroValues.logicalName(schema);
        String text = node.textValue();
        try {
            return switch (logical) {
                case "date" -> LocalDate.parse(text).toEpochDay();
                case "time-millis" -> LocalTime.parse(text).toNanoOfDay() / 1_000_000L;
                case "time-micros" -> LocalTime.parse(text).toNanoOfDay() / 1_000L;
                case "timestamp-millis" -> instant(text).toEpochMilli();
                case "timestamp-micros" -> ChronoUnit.MICROS.between(Instant.EPOCH, instant(text));
                case "timestamp-nanos" -> ChronoUnit.NANOS.between(Instant.EPOCH, instant(text));
                case "local-timestamp-millis" -> local(text).toEpochMilli();
                case "local-timestamp-micros" -> ChronoUnit.MICROS.between(Instant.EPOCH, local(text));
                case "local-timestamp-nanos" -> ChronoUnit.NANOS.between(Instant.EPOCH, local(text));
                default -> throw Describe.mismatch(schema, node);
            };
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new Mismatch("expected " + logical + " (" + form(logical) + "), got " + Describe.found(node));
        }
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
    }

    private static Instant local(String text) {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }

    private static String form(String logical) {
        return switch (logical) {
            case "date" -> "days since 1970-01-01 or an ISO-8601 date";
            case "time-millis", "time-micros" -> "a number or an ISO-8601 time of day";
            case "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos" ->
                "a number or an ISO-8601 local date-time";
            default -> "epoch number or an ISO-8601 instant with offset";
        };
    }
}

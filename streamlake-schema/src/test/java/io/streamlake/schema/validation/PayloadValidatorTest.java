package io.streamlake.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.ParseOutcome;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.core.domain.ValidationOutcome;
import io.streamlake.core.domain.Violation;
import io.streamlake.core.port.out.PayloadValidator;
import io.streamlake.schema.catalog.SchemaCatalogs;
import io.streamlake.schema.codec.json.JsonPayloadParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadValidatorTest {

    static final DatasetName ORDERS = DatasetName.of("orders");
    static final DatasetName PAYMENTS = DatasetName.of("payments");
    static final Optional<SchemaVersion> V1 = Optional.of(SchemaVersion.of(1));
    static final String PAYMENT = """
            {"payment_id": "p-1", "order_id": "o-1", "amount": 12.5, "method": "CARD",
             "paid_at": 1764241200000,
             "customer": {"customer_id": "c-1",
                          "address": {"street": "Main St 1", "city": "Berlin", "zip": "10115", "country": "DE"}},
             "items": [{"sku": "a", "quantity": 1, "unit_price": 2.5}, {"sku": "b", "quantity": 2, "unit_price": 5}],
             "attributes": {"channel": "web"}}
            """;

    private final PayloadValidator validator =
            PayloadValidators.create(SchemaCatalogs.builtIn(), UnknownFieldPolicy.REJECT, true);

    static Payload json(String text) {
        return ((ParseOutcome.Parsed) new JsonPayloadParser().parse(text.getBytes(StandardCharsets.UTF_8))).payload();
    }

    private List<String> violations(DatasetName dataset, Optional<SchemaVersion> version, String text) {
        ValidationOutcome outcome = validator.validate(dataset, version, json(text));
        assertThat(outcome).isInstanceOf(ValidationOutcome.Invalid.class);
        return ((ValidationOutcome.Invalid) outcome)
                .violations().stream().map(Violation::toString).toList();
    }

    private List<String> paymentViolations(String from, String to) {
        return violations(PAYMENTS, V1, PAYMENT.replace(from, to));
    }

    @Test
    void givenValidOrderV1_thenValidWithV1() {
        assertThat(validator.validate(ORDERS, V1, json("{\"order_id\": \"o-1\", \"amount\": 10.5}")))
                .isEqualTo(new ValidationOutcome.Valid(SchemaVersion.of(1)));
    }

    @Test
    void givenNoVersion_thenLatestIsUsed() {
        assertThat(validator.validate(
                        ORDERS,
                        Optional.empty(),
                        json("{\"order_id\": \"o-1\", \"amount\": 1, \"currency\": \"EUR\"}")))
                .isEqualTo(new ValidationOutcome.Valid(SchemaVersion.of(2)));
    }

    @Test
    void givenIntegerForDouble_thenValid() {
        assertThat(validator.validate(ORDERS, V1, json("{\"order_id\": \"o-1\", \"amount\": 10}")))
                .isInstanceOf(ValidationOutcome.Valid.class);
    }

    @Test
    void givenStringForDouble_thenViolationNamesPathExpectedAndFound() {
        assertThat(violations(ORDERS, V1, "{\"order_id\": \"o-1\", \"amount\": \"abc\"}"))
                .containsExactly("$.amount: expected double, got string \"abc\"");
    }

    @Test
    void givenNumberForString_thenViolation() {
        assertThat(violations(ORDERS, V1, "{\"order_id\": 42, \"amount\": 1}"))
                .containsExactly("$.order_id: expected string, got number 42");
    }

    @Test
    void givenSeveralErrors_thenAllAreReported() {
        assertThat(violations(ORDERS, V1, "{\"order_id\": true, \"amount\": null, \"extra\": 1}"))
                .containsExactly(
                        "$.order_id: expected string, got boolean true",
                        "$.amount: expected double, got null",
                        "$.extra: unknown field (record Order does not declare it)");
    }

    @Test
    void givenMissingRequiredField_thenViolation() {
        assertThat(violations(ORDERS, V1, "{\"order_id\": \"o-1\"}"))
                .containsExactly("$.amount: required field missing (expected double)");
    }

    @Test
    void givenFieldWithDefaultAbsent_thenValid() {
        assertThat(validator.validate(
                        ORDERS, Optional.of(SchemaVersion.of(2)), json("{\"order_id\": \"o-1\", \"amount\": 1}")))
                .isEqualTo(new ValidationOutcome.Valid(SchemaVersion.of(2)));
    }

    @Test
    void givenNullWhereNotNullable_thenViolation() {
        assertThat(paymentViolations("\"order_id\": \"o-1\"", "\"order_id\": null"))
                .containsExactly("$.order_id: expected string, got null");
    }

    @Test
    void givenNullableUnion_thenNullAndStringAcceptedAndOthersNot() {
        Optional<SchemaVersion> v2 = Optional.of(SchemaVersion.of(2));
        assertThat(validator.validate(ORDERS, v2, json("{\"order_id\": \"o\", \"amount\": 1, \"currency\": null}")))
                .isInstanceOf(ValidationOutcome.Valid.class);
        assertThat(validator.validate(
                        ORDERS, v2, json("{\"order_id\": \"o\", \"amount\": 1, \"currency\": {\"string\": \"EUR\"}}")))
                .as("Avro-JSON wrapped union form is accepted too")
                .isInstanceOf(ValidationOutcome.Valid.class);
        assertThat(violations(ORDERS, v2, "{\"order_id\": \"o\", \"amount\": 1, \"currency\": 978}"))
                .containsExactly("$.currency: expected one of [null, string], got number 978");
    }

    @Test
    void givenIntOutOfRange_thenViolation() {
        assertThat(paymentViolations("\"quantity\": 2", "\"quantity\": 3000000000"))
                .containsExactly("$.items[1].quantity: expected int, got number 3000000000 (out of int range)");
        assertThat(paymentViolations("\"quantity\": 2", "\"quantity\": 2.5"))
                .containsExactly("$.items[1].quantity: expected int, got number 2.5");
    }

    @Test
    void givenLongOutOfRange_thenViolation() {
        assertThat(paymentViolations("1764241200000", "9223372036854775808"))
                .containsExactly(
                        "$.paid_at: expected timestamp-millis, got number 9223372036854775808 (out of long range)");
    }

    @Test
    void givenBadEnumSymbol_thenViolationListsSymbols() {
        assertThat(paymentViolations("\"CARD\"", "\"CASH\""))
                .containsExactly(
                        "$.method: expected one of [CARD, BANK_TRANSFER, WALLET] (enum PaymentMethod), got string \"CASH\"");
    }

    @Test
    void givenNestedRecordError_thenPathIsNested() {
        assertThat(paymentViolations("\"zip\": \"10115\"", "\"zip\": 10115"))
                .containsExactly("$.customer.address.zip: expected string, got number 10115");
        assertThat(paymentViolations(", \"country\": \"DE\"", ""))
                .containsExactly("$.customer.address.country: required field missing (expected string)");
    }

    @Test
    void givenArrayElementError_thenPathHasIndex() {
        String three = PAYMENT.replace(
                "\"unit_price\": 5}]", "\"unit_price\": 5}, {\"sku\": 7, \"quantity\": 1, \"unit_price\": 1}]");
        assertThat(violations(PAYMENTS, V1, three)).containsExactly("$.items[2].sku: expected string, got number 7");
    }

    @Test
    void givenTimestampAsIsoString_thenValid_andGarbageRejected() {
        assertThat(validator.validate(PAYMENTS, V1, json(PAYMENT.replace("1764241200000", "\"2025-11-27T11:00:00Z\""))))
                .isInstanceOf(ValidationOutcome.Valid.class);
        assertThat(validator.validate(
                        PAYMENTS, V1, json(PAYMENT.replace("1764241200000", "\"2025-11-27T12:00:00.123+01:00\""))))
                .isInstanceOf(ValidationOutcome.Valid.class);
        assertThat(paymentViolations("1764241200000", "\"yesterday\""))
                .containsExactly(
                        "$.paid_at: expected timestamp-millis (epoch number or an ISO-8601 instant with offset), got string \"yesterday\"");
        assertThat(paymentViolations("1764241200000", "true"))
                .containsExactly("$.paid_at: expected timestamp-millis, got boolean true");
    }

    @Test
    void givenMapWithWrongValue_thenPathNamesTheKey() {
        assertThat(paymentViolations("{\"channel\": \"web\"}", "{\"channel\": 1, \"odd key\": \"x\"}"))
                .containsExactly("$.attributes.channel: expected string, got number 1");
    }

    @Test
    void givenWrongContainerKinds_thenViolations() {
        assertThat(paymentViolations("\"customer\": {", "\"customer\": [], \"x\": {"))
                .contains("$.customer: expected object (record Customer), got array");
        assertThat(violations(
                        PAYMENTS,
                        V1,
                        PAYMENT.replace("\"items\": [", "\"items\": {\"a\": [").replace("5}]", "5}]}")))
                .containsExactly("$.items: expected array, got object");
    }

    @Test
    void givenUnknownField_thenRejectedByDefault_andIgnoredWhenConfigured() {
        String text = "{\"order_id\": \"o-1\", \"amount\": 1, \"note\": \"hi\"}";
        assertThat(violations(ORDERS, V1, text))
                .containsExactly("$.note: unknown field (record Order does not declare it)");
        PayloadValidator lenient = PayloadValidators.create(SchemaCatalogs.builtIn(), UnknownFieldPolicy.IGNORE, true);
        assertThat(lenient.validate(ORDERS, V1, json(text)))
                .isEqualTo(new ValidationOutcome.Valid(SchemaVersion.of(1)));
    }

    @Test
    void givenUnknownDataset_thenInvalidAtRootNamingIt() {
        assertThat(violations(DatasetName.of("refunds"), Optional.empty(), "{}"))
                .containsExactly("$: unknown dataset 'refunds' (the schema catalog has orders, payments)");
    }

    @Test
    void givenUnknownVersion_thenInvalidAtRootNamingIt() {
        assertThat(violations(ORDERS, Optional.of(SchemaVersion.of(7)), "{}"))
                .containsExactly("$: unknown schema version v7 of dataset 'orders' (known: v1, v2)");
    }

    @Test
    void givenValidationDisabled_thenOnlyTheVersionIsResolved() {
        PayloadValidator off = PayloadValidators.create(SchemaCatalogs.builtIn(), UnknownFieldPolicy.REJECT, false);
        assertThat(off.validate(ORDERS, Optional.empty(), json("{\"anything\": 1}")))
                .isEqualTo(new ValidationOutcome.Valid(SchemaVersion.of(2)));
        assertThat(off.validate(DatasetName.of("refunds"), Optional.empty(), json("{}")))
                .isInstanceOf(ValidationOutcome.Invalid.class);
    }

    @Test
    void givenLongFoundString_thenItIsShortened() {
        String longText = "y".repeat(100);
        assertThat(violations(ORDERS, V1, "{\"order_id\": \"o\", \"amount\": \"" + longText + "\"}"))
                .containsExactly("$.amount: expected double, got string \"" + "y".repeat(40) + "…\"");
    }

    @Test
    void givenCompletePayment_thenValid() {
        assertThat(validator.validate(PAYMENTS, Optional.empty(), json(PAYMENT)))
                .isEqualTo(new ValidationOutcome.Valid(SchemaVersion.of(1)));
    }

    @Test
    void givenWholeNumbersFarBeyondEveryIntegerRange_thenOutOfRangeViolationsWithoutExpandingThem() {
        // 1e999999999 would make BigInteger throw; 1e100000000 would take seconds and 40 MB to expand
        assertThat(paymentViolations("\"quantity\": 1,", "\"quantity\": 1e999999999,"))
                .singleElement()
                .asString()
                .contains("$.items[0].quantity")
                .contains("(out of int range)");
        assertThat(paymentViolations("\"quantity\": 1,", "\"quantity\": -1e100000000,"))
                .singleElement()
                .asString()
                .contains("(out of int range)");
        assertThat(paymentViolations("\"paid_at\": 1764241200000", "\"paid_at\": 1e100000000"))
                .singleElement()
                .asString()
                .contains("$.paid_at")
                .contains("(out of long range)");
    }
}

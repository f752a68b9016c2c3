package io.streamlake.it.fault;

import static io.streamlake.it.fault.PoisonCases.UNKNOWN_DATASETS;
import static io.streamlake.it.fault.PoisonCases.amounts;
import static io.streamlake.it.fault.PoisonCases.ids;
import static io.streamlake.it.fault.PoisonCases.keys;
import static io.streamlake.it.fault.PoisonCases.payment;
import static io.streamlake.it.fault.PoisonCases.poison;
import static io.streamlake.it.fault.PoisonCases.utf8;
import static io.streamlake.it.fault.PoisonCases.validOrder;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import io.streamlake.core.port.in.IngestCommand;
import io.streamlake.it.fault.PoisonCases.Poison;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Poison inputs the schema refuses (DLQ stage {@code validate}): well-formed JSON with wrong types, a missing or
 * null key field, an unknown dataset, numbers out of their Avro type's range. Invalid by construction.
 */
final class SchemaPoisonCases {

    private SchemaPoisonCases() {}

    /** Well-formed JSON with a value of the wrong type for its field. */
    static Arbitrary<Poison> wrongTypes() {
        Arbitrary<String> orders = Combinators.combine(
                        ids(),
                        Arbitraries.of(
                                "\"amount\":\"abc\"",
                                "\"amount\":true",
                                "\"amount\":[]",
                                "\"amount\":{}",
                                "\"amount\":null",
                                "\"amount\":1,\"currency\":1",
                                "\"amount\":1,\"currency\":[\"EUR\"]",
                                "\"amount\":1,\"note\":\"x\"",
                                "\"currency\":\"EUR\""))
                .as((id, rest) -> "{\"order_id\":\"" + id + "\"," + rest + "}");
        Arbitrary<String> orderIds = Combinators.combine(Arbitraries.of("123", "true", "1.5"), amounts())
                .as((id, amount) -> "{\"order_id\":" + id + ",\"amount\":" + amount + "}");
        Arbitrary<String> payments = Combinators.combine(
                        ids(),
                        Arbitraries.of(
                                new String[] {"method", "\"CASH\""},
                                new String[] {"paid_at", "\"yesterday\""},
                                new String[] {"paid_at", "\"2026-11-27T13:05:00\""},
                                new String[] {"customer", "\"c-1\""},
                                new String[] {"items", "{}"},
                                new String[] {"items", "[{\"sku\":\"a\",\"quantity\":\"2\",\"unit_price\":1}]"},
                                new String[] {"attempt", "1.5"},
                                new String[] {"attributes", "{\"a\":1}"},
                                new String[] {"customer", "{\"customer_id\":\"c\",\"address\":{\"street\":\"s\"}}"},
                                new String[] {"payment_id", null}))
                .as((id, field) -> payment(id, field[0], field[1]));
        Arbitrary<Poison> ordersPoison = poison(
                "wrong-type", FaultPipeline.ORDERS, utf8(Arbitraries.oneOf(orders, orderIds)), DlqStage.VALIDATE);
        Arbitrary<Poison> paymentsPoison = Combinators.combine(keys(), utf8(payments))
                .as((key, p) ->
                        new Poison("wrong-type", IngestCommand.of(FaultPipeline.PAYMENTS, key, p), DlqStage.VALIDATE));
        return Arbitraries.oneOf(ordersPoison, paymentsPoison);
    }

    /** The key field {@code order_id} is missing, null, or not a scalar, and no key is given. */
    static Arbitrary<Poison> missingKey() {
        Arbitrary<String> text = Combinators.combine(
                        Arbitraries.of(
                                "",
                                "\"order_id\":null,",
                                "\"order_id\":{\"id\":\"x\"},",
                                "\"order_id\":[\"x\"],",
                                "\"orderid\":\"x\","),
                        amounts())
                .as((key, amount) -> "{" + key + "\"amount\":" + amount + "}");
        return utf8(text)
                .map(p -> new Poison(
                        "missing-key", IngestCommand.keyedBy(FaultPipeline.ORDERS, "order_id", p), DlqStage.VALIDATE));
    }

    /** A valid order sent to a dataset the catalog does not have. */
    static Arbitrary<Poison> unknownDataset() {
        return Combinators.combine(Arbitraries.of(UNKNOWN_DATASETS), keys(), utf8(validOrder()))
                .as((dataset, key, p) -> new Poison(
                        "unknown-dataset", IngestCommand.of(DatasetName.of(dataset), key, p), DlqStage.VALIDATE));
    }

    /** Numbers beyond their Avro type's range: doubles past 1.8e308, ints and longs past 2^31 and 2^63. */
    static Arbitrary<Poison> numbersOutOfRange() {
        Arbitrary<String> orders = Combinators.combine(
                        ids(), Arbitraries.of("1e400", "-1e400", "1E+309", "2e308", "-1.8e308", "1" + "0".repeat(400)))
                .as((id, n) -> "{\"order_id\":\"" + id + "\",\"amount\":" + n + "}");
        Arbitrary<String> payments = Combinators.combine(
                        ids(),
                        Arbitraries.of(
                                new String[] {"attempt", "99999999999999999999"},
                                new String[] {"attempt", "3000000000"},
                                new String[] {"attempt", "-2147483649"},
                                new String[] {"paid_at", "99999999999999999999"},
                                new String[] {"paid_at", "1e30"},
                                new String[] {"amount", "1e400"},
                                new String[] {
                                    "items", "[{\"sku\":\"a\",\"quantity\":99999999999999999999,\"unit_price\":1}]"
                                },
                                new String[] {"items", "[{\"sku\":\"a\",\"quantity\":1,\"unit_price\":-1e999}]"}))
                .as((id, field) -> payment(id, field[0], field[1]));
        Arbitrary<Poison> o = poison("out-of-range", FaultPipeline.ORDERS, utf8(orders), DlqStage.VALIDATE);
        Arbitrary<Poison> p = Combinators.combine(keys(), utf8(payments))
                .as((key, bytes) -> new Poison(
                        "out-of-range", IngestCommand.of(FaultPipeline.PAYMENTS, key, bytes), DlqStage.VALIDATE));
        return Arbitraries.oneOf(o, p);
    }
}

package io.streamlake.schema.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamlake.core.domain.ParseOutcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The lazily built tree of a payload parsed by the streaming pass, shared between threads. */
class JsonPayloadTest {

    private static JsonPayload parse(String text) {
        return (JsonPayload)
                ((ParseOutcome.Parsed) new JsonPayloadParser().parse(text.getBytes(StandardCharsets.UTF_8))).payload();
    }

    @Test
    void givenPayloadSharedBetweenThreads_whenTheyAskForTheTreeAtOnce_thenAllGetTheOneTree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                JsonPayload payload = parse("{\"order_id\":\"o-" + round + "\",\"amount\":1.50,\"tags\":[1,2]}");
                assertThat(payload.hasTree()).isFalse();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ObjectNode>> trees = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    trees.add(pool.submit(() -> {
                        start.await();
                        return payload.tree();
                    }));
                }
                start.countDown();
                ObjectNode first = trees.get(0).get();
                for (Future<ObjectNode> tree : trees) {
                    assertThat(tree.get()).isSameAs(first);
                }
                assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("1.5");
                assertThat(payload.textField("order_id")).contains("o-" + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenKeyOfEveryKind_thenTextFieldIsWhatTheTreeGives() {
        String text = "{\"s\":\"x\\u00e9\",\"i\":-0,\"l\":12345678901,\"d\":1.50,\"e\":1.5e3,\"t\":true,\"n\":null,"
                + "\"o\":{\"s\":\"inner\"},\"a\":[\"s\"],\"big\":123456789012345678901234567890}";
        for (String name : List.of("s", "i", "l", "d", "e", "t", "n", "o", "a", "big", "missing", "inner")) {
            JsonPayload streaming = parse(text);
            var expected = new ReferenceJsonPayloadParser().parse(text.getBytes(StandardCharsets.UTF_8));
            assertThat(streaming.textField(name))
                    .as(name)
                    .isEqualTo(((ParseOutcome.Parsed) expected).payload().textField(name));
        }
    }
}

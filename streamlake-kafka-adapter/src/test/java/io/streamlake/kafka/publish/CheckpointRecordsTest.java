package io.streamlake.kafka.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.FileCheckpoint;
import org.junit.jupiter.api.Test;

class CheckpointRecordsTest {

    @Test
    void givenAPathWithQuotesBackslashesAndNonAscii_thenTheValueIsJsonAndReadsBackEqual() {
        FileCheckpoint c = new FileCheckpoint("/data/\"q\"\\x/ørders\t1.jsonl", 123, 64, "abcd", 4567, 89);

        byte[] value = CheckpointRecords.value(c);

        assertThat(new String(value, UTF_8))
                .isEqualTo("{\"path\":\"/data/\\\"q\\\"\\\\x/ørders\\t1.jsonl\",\"size\":123,\"first_block_length\":64,"
                        + "\"first_block_sha256\":\"abcd\",\"offset\":4567,\"line\":89}");
        assertThat(CheckpointRecords.parse(value)).isEqualTo(c);
    }

    @Test
    void givenAValueWithoutOffset_thenItIsRefusedNamingTheField() {
        assertThatThrownBy(() -> CheckpointRecords.parse(
                        "{\"path\":\"/a\",\"size\":1,\"first_block_length\":1,\"first_block_sha256\":\"x\",\"line\":1}"
                                .getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'offset'");
    }

    @Test
    void givenTheSameFileDatasetAndPrefix_thenTheTransactionalIdIsStableAndDiffersOtherwise() {
        DatasetName orders = DatasetName.of("orders");
        String id = KafkaTransactionalOutput.transactionalId("streamlake-", "streamlake", orders, "/data/a.jsonl");

        assertThat(id).matches("streamlake-orders-[0-9a-f]{16}");
        assertThat(KafkaTransactionalOutput.transactionalId("streamlake-", "streamlake", orders, "/data/a.jsonl"))
                .isEqualTo(id);
        assertThat(KafkaTransactionalOutput.transactionalId("streamlake-", "streamlake", orders, "/data/b.jsonl"))
                .isNotEqualTo(id);
        assertThat(KafkaTransactionalOutput.transactionalId("streamlake-", "test", orders, "/data/a.jsonl"))
                .isNotEqualTo(id);
    }
}

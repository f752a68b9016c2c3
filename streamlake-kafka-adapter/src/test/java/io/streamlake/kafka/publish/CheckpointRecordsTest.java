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
        FileCheckpoint c = new FileCheckpoint("/data/\"q\"\\x/ørders\t1.jsonl", 123, 64, "abcd", 4567, 89, "ef", false);

        byte[] value = CheckpointRecords.value(DatasetName.of("orders"), c);

        assertThat(new String(value, UTF_8))
                .isEqualTo(
                        "{\"dataset\":\"orders\",\"path\":\"/data/\\\"q\\\"\\\\x/ørders\\t1.jsonl\",\"size\":123,\"first_block_length\":64,"
                                + "\"first_block_sha256\":\"abcd\",\"offset\":4567,\"line\":89,\"tail_sha256\":\"ef\","
                                + "\"ends_with_newline\":false}");
        assertThat(CheckpointRecords.parse(DatasetName.of("orders"), value)).isEqualTo(c);
    }

    @Test
    void givenAValueOfAnotherDataset_thenItIsRefusedNamingBoth() {
        byte[] value = CheckpointRecords.value(DatasetName.of("audit"), new FileCheckpoint("/a", 1, 1, "x", 1, 1));

        assertThatThrownBy(() -> CheckpointRecords.parse(DatasetName.of("orders"), value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'audit'")
                .hasMessageContaining("'orders'");
    }

    @Test
    void givenAValueWithoutDataset_thenItIsRefusedAsWrittenByAnOlderStreamLake() {
        assertThatThrownBy(() -> CheckpointRecords.parse(
                        DatasetName.of("orders"),
                        ("{\"path\":\"/a\",\"size\":1,\"first_block_length\":1,\"first_block_sha256\":\"x\","
                                        + "\"offset\":1,\"line\":1}")
                                .getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("older StreamLake: run without --resume");
    }

    @Test
    void givenAKey_thenItIsTheDatasetAndThePathAndItsPartitionIsKafkasDefault() {
        byte[] key = CheckpointRecords.key(DatasetName.of("orders"), "/data/a.jsonl");

        assertThat(new String(key, UTF_8)).isEqualTo("orders:/data/a.jsonl");
        assertThat(CheckpointRecords.partition(key, 7))
                .isEqualTo(
                        org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key))
                                % 7);
    }

    @Test
    void givenAValueWithoutOffset_thenItIsRefusedNamingTheField() {
        assertThatThrownBy(() -> CheckpointRecords.parse(
                        DatasetName.of("orders"),
                        "{\"dataset\":\"orders\",\"path\":\"/a\",\"size\":1,\"first_block_length\":1,\"first_block_sha256\":\"x\",\"line\":1}"
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

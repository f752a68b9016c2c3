package io.streamlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A usage error is reported as one (exit 2) even when the cluster is unreachable too: nothing is sent either way. */
class ProduceUsageBeforeTransportTest {

    @TempDir
    Path dir;

    @Test
    void givenAnUnknownDatasetAndAnUnreachableCluster_thenExitTwoNamingTheDataset() {
        CliRunner.Result result = new CliRunner(dir)
                .run(
                        "produce",
                        "--dataset",
                        "ordres",
                        "--bootstrap-servers",
                        "127.0.0.1:1",
                        "--set",
                        "connect.check.timeout.ms=2000",
                        "--key",
                        "k",
                        "--payload",
                        "{\"order_id\":\"k\",\"amount\":1.0}");

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: unknown dataset 'ordres' (did you mean 'orders'?)");
    }
}

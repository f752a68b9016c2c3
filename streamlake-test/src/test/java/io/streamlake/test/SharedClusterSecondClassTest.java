package io.streamlake.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A second test class of the same JVM: it must see the very cluster the first one saw. */
@StreamLakeTest
class SharedClusterSecondClassTest {

    @Test
    void givenSecondTestClass_thenItSharesTheFirstClassesBroker(KafkaEndpoint kafka) {
        SharedClusterWitness.record(kafka);
        assertThat(SharedClusterWitness.distinctEndpoints()).containsExactly(kafka);
        assertThat(kafka.bootstrapServers()).isNotBlank();
    }
}

package io.streamlake.it.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A second test class of the same JVM: it must see the very cluster the first one saw. */
@StreamLakeIntegrationTest
class SharedInfrastructureSecondClassTest {

    @Test
    void givenSecondTestClass_thenItSharesTheFirstClassesBroker(KafkaEndpoint kafka) {
        SharedBrokerWitness.record(kafka);
        assertThat(SharedBrokerWitness.distinctEndpoints()).containsExactly(kafka);
        assertThat(kafka.bootstrapServers()).isNotBlank();
    }
}

package io.streamlake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void givenFewEventsAndNoWarmupGiven_thenTheWarmupIsAFifthOfThem() {
        assertThat(BenchOptions.defaults()
                        .withEvents(1_000)
                        .withDefaultWarmupEvents()
                        .warmupEvents())
                .isEqualTo(200);
    }

    @Test
    void givenManyEventsAndNoWarmupGiven_thenTheWarmupStaysAtItsCap() {
        BenchOptions defaults = BenchOptions.defaults();

        assertThat(defaults.withEvents(10_000_000).withDefaultWarmupEvents().warmupEvents())
                .isEqualTo(defaults.warmupEvents());
    }

    @Test
    void givenOneEvent_thenTheWarmupIsStillOneEvent() {
        assertThat(BenchOptions.defaults()
                        .withEvents(1)
                        .withDefaultWarmupEvents()
                        .warmupEvents())
                .isEqualTo(1);
    }
}

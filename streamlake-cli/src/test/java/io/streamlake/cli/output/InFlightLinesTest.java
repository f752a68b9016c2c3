package io.streamlake.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlake.core.domain.EventSource;
import org.junit.jupiter.api.Test;

class InFlightLinesTest {

    private final InFlightLines lines = new InFlightLines();

    @Test
    void givenLinesAddedAndSomeRemoved_thenTheRestAreInFlightByIdentity() {
        byte[] a = "{}".getBytes();
        byte[] b = "{}".getBytes();
        byte[] c = "{}".getBytes();
        lines.add(a, new EventSource("f", 1));
        lines.add(b, new EventSource("f", 2));
        lines.add(c, null);
        lines.remove(b, new EventSource("f", 2));

        assertThat(lines.snapshot()).containsExactly(a, c);
        assertThat(lines.size()).isEqualTo(2);
    }

    @Test
    void givenTwoLinesOfTheSameSlot_thenBothAreKeptAndRemovedSeparately() {
        byte[] old = "1".getBytes();
        byte[] sameNumber = "2".getBytes();
        byte[] wrapped = "3".getBytes();
        lines.add(old, new EventSource("f", 5));
        lines.add(sameNumber, new EventSource("f.rerun", 5));
        lines.add(wrapped, new EventSource("f", 5 + InFlightLines.SLOTS));

        assertThat(lines.snapshot()).containsExactlyInAnyOrder(old, sameNumber, wrapped);
        lines.remove(old, new EventSource("f", 5));
        assertThat(lines.snapshot()).containsExactlyInAnyOrder(sameNumber, wrapped);
        lines.remove(wrapped, new EventSource("f", 5 + InFlightLines.SLOTS));
        lines.remove(sameNumber, new EventSource("f.rerun", 5));
        assertThat(lines.snapshot()).isEmpty();
        assertThat(lines.size()).isZero();
    }

    @Test
    void givenALineNeverAdded_whenRemoved_thenNothingElseIsRemoved() {
        byte[] kept = "1".getBytes();
        lines.add(kept, new EventSource("f", 7));

        lines.remove("1".getBytes(), new EventSource("f", 7)); // equal bytes, another array
        lines.remove("2".getBytes(), null);

        assertThat(lines.snapshot()).containsExactly(kept);
    }
}

package io.streamlake.archfixture.port.out;

import io.streamlake.archfixture.port.in.LeakyUseCase;
import io.streamlake.archfixture.testing.FakeThing;

/** Breaks the rules on purpose: an outbound port that knows an inbound one and a testing double. */
public interface SomePort {

    void accept(LeakyUseCase useCase, FakeThing fake);
}

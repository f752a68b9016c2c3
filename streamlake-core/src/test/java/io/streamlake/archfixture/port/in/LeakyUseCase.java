package io.streamlake.archfixture.port.in;

import io.streamlake.archfixture.port.out.SomePort;

/** Breaks the rules on purpose: an inbound port that depends on an outbound one. */
public interface LeakyUseCase {

    void run(SomePort port);
}

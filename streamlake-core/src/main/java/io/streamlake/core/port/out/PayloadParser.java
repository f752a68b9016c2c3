package io.streamlake.core.port.out;

import io.streamlake.core.domain.ParseOutcome;

/**
 * Turns raw event bytes into a {@link io.streamlake.core.domain.Payload}. Must be thread-safe.
 * Malformed input is an outcome, never an exception.
 */
public interface PayloadParser {

    ParseOutcome parse(byte[] raw);
}

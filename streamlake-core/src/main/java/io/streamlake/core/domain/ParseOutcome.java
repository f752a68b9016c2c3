package io.streamlake.core.domain;

/** What a {@code PayloadParser} made of raw bytes: a payload, or the reason it could not. */
public sealed interface ParseOutcome {

    /** The bytes were a well-formed payload. */
    record Parsed(Payload payload) implements ParseOutcome {
        public Parsed {
            if (payload == null) {
                throw new IllegalArgumentException("payload must not be null");
            }
        }
    }

    /** The bytes were not; {@code reason} says where and why, e.g. {@code unexpected end of input at byte 17}. */
    record Malformed(String reason) implements ParseOutcome {
        public Malformed {
            if (reason == null || reason.isEmpty()) {
                throw new IllegalArgumentException("reason must not be empty");
            }
        }
    }
}

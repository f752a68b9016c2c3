package io.streamlake.core.domain;

import java.util.Optional;

/**
 * A parsed event payload. The core treats it as opaque: a {@code PayloadParser} produces it, and the
 * {@code PayloadValidator} and {@code PayloadSerializer} of the same codec family read it.
 * Implementations are immutable and safe to share between threads.
 */
public interface Payload {

    /** The payload exactly as it was received. Callers must not modify the array. */
    byte[] raw();

    /**
     * The text of a top-level field, used when the key is taken from the payload ({@code --key-field}).
     * Numbers and booleans are given in their JSON text; objects, arrays and null give empty.
     */
    Optional<String> textField(String name);
}

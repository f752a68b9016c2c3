package io.streamlake.core.testing;

import io.streamlake.core.domain.PublishReceipt;

/** A record an in-memory publisher accepted, and where it landed. */
public record Stored<T>(T record, PublishReceipt receipt) {}

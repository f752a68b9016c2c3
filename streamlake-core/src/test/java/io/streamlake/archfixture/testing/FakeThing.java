package io.streamlake.archfixture.testing;

/** A testing double the fixture's production code wrongly depends on. */
public final class FakeThing {}

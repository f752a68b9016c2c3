package io.streamlake.archfixture.modules.runtime;

/** The runtime side of the layering fixture. */
public final class RuntimeThing {}

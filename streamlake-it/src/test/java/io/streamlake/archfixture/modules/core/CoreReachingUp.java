package io.streamlake.archfixture.modules.core;

import io.streamlake.archfixture.modules.runtime.RuntimeThing;

/** Breaks the module layering on purpose: a core class that depends on the runtime. */
public final class CoreReachingUp {

    public RuntimeThing thing() {
        return new RuntimeThing();
    }
}

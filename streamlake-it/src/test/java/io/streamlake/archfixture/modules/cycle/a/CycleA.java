package io.streamlake.archfixture.modules.cycle.a;

import io.streamlake.archfixture.modules.cycle.b.CycleB;

/** Half of a package cycle, on purpose. */
public final class CycleA {

    public CycleB other() {
        return null;
    }
}

package io.streamlake.archfixture.modules.cycle.b;

import io.streamlake.archfixture.modules.cycle.a.CycleA;

/** Half of a package cycle, on purpose. */
public final class CycleB {

    public CycleA other() {
        return null;
    }
}

package io.streamlake.core.port.out;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.Payload;
import io.streamlake.core.domain.RuleOutcome;
import io.streamlake.core.domain.SchemaVersion;
import java.util.List;

/** {@link PayloadRules#none()}. */
enum NoRules implements PayloadRules {
    INSTANCE;

    @Override
    public RuleOutcome apply(DatasetName dataset, SchemaVersion version, Payload payload) {
        return new RuleOutcome.Passed(payload, List.of());
    }
}

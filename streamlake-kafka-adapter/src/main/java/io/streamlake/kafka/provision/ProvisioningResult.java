package io.streamlake.kafka.provision;

import io.streamlake.core.domain.DatasetName;
import java.util.List;
import java.util.Objects;

/**
 * What {@link TopicProvisioner#ensureTopics} did for one dataset.
 *
 * @param dataset    the dataset
 * @param raw        its RAW topic
 * @param deadLetter its DLQ topic
 */
public record ProvisioningResult(DatasetName dataset, TopicStatus raw, TopicStatus deadLetter) {

    public ProvisioningResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(deadLetter, "deadLetter");
    }

    /** True when neither topic was created: the call changed nothing. */
    public boolean alreadyExisted() {
        return !raw.created() && !deadLetter.created();
    }

    /** Every warning of both topics. */
    public List<String> warnings() {
        return java.util.stream.Stream.concat(raw.warnings().stream(), deadLetter.warnings().stream())
                .toList();
    }
}

package io.streamlake.core.port.out;

import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.DlqStage;
import java.time.Duration;

/** {@link IngestionMetrics#none()}. */
enum NoMetrics implements IngestionMetrics {
    INSTANCE;

    @Override
    public void published(DatasetName dataset, Duration latency) {}

    @Override
    public void deadLettered(DatasetName dataset, DlqStage stage, String errorClass) {}

    @Override
    public void failed(DatasetName dataset, boolean retriable) {}
}

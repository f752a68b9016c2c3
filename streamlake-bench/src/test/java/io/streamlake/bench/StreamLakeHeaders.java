package io.streamlake.bench;

import io.streamlake.core.domain.HeaderNames;

/** The names of the six headers {@code streamlake produce} writes on a RAW record, in its order. */
final class StreamLakeHeaders {

    static final String[] IN_ORDER = {
        HeaderNames.DATASET,
        HeaderNames.SCHEMA_VERSION,
        HeaderNames.INGESTION_ID,
        HeaderNames.EVENT_TIME,
        HeaderNames.PRODUCER_SERVICE,
        HeaderNames.CONTENT_TYPE
    };

    private StreamLakeHeaders() {}
}

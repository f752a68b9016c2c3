package io.streamlake.schema.catalog;

import io.streamlake.core.domain.FatalStreamLakeException;

/** A catalog file cannot be read or is not a valid Avro record schema; the message names the file. */
public class CatalogLoadException extends FatalStreamLakeException {

    public CatalogLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.streamlake.runtime.config;

/**
 * A configuration that cannot work: an unknown key, an invalid value, a file that cannot be read. The message
 * is one line naming the key (or the file) and never contains a secret value. Fatal: fix the configuration.
 */
public final class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(String message) {
        super(message);
    }

    public InvalidSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}

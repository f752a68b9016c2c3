package io.streamlake.embedded;

/**
 * An embedded broker or registry did not start, did not become ready in time, or failed while being
 * stopped or restarted. The message names what did not become ready and where its logs are.
 *
 * <p>Not retriable as such: the component has been torn down when this is thrown.
 */
public class EmbeddedStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedStartupException(String message) {
        super(message);
    }

    public EmbeddedStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}

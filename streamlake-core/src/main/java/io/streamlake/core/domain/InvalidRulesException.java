package io.streamlake.core.domain;

/**
 * A data-contract rules file ({@code <dataset>/v<N>.rules.json}) cannot be used: it is not valid JSON, a rule has an
 * unknown kind, type, mode or member, names a field its schema does not have, or does not compile. The message names
 * the file, the rule and the position. A configuration error, found at start before anything is sent: not retriable.
 */
public class InvalidRulesException extends FatalStreamLakeException {

    public InvalidRulesException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidRulesException(String message) {
        super(message);
    }
}

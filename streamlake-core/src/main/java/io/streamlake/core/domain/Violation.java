package io.streamlake.core.domain;

/**
 * One reason a payload does not match its schema, e.g. {@code $.amount: expected double, got string "abc"}.
 *
 * @param path    JSON path of the offending field ({@code $} for the whole payload)
 * @param message what was expected and what was found
 */
public record Violation(String path, String message) {

    public Violation {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("violation path must not be empty");
        }
        if (message == null || message.isEmpty()) {
            throw new IllegalArgumentException("violation message must not be empty");
        }
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}

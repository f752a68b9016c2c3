package io.streamlake.core.domain;

/**
 * A catalog version of a dataset's schema, written {@code v1}, {@code v2}, … in headers and file names.
 *
 * @param number the version number, 1 or more
 */
public record SchemaVersion(int number) implements Comparable<SchemaVersion> {

    public SchemaVersion {
        if (number < 1) {
            throw new IllegalArgumentException("schema version must be v1 or later, got " + number);
        }
    }

    /**
     * Parses {@code v3} (or {@code 3}).
     *
     * @throws IllegalArgumentException naming the text when it is not a version
     */
    public static SchemaVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("schema version must not be null");
        }
        String digits = text.startsWith("v") || text.startsWith("V") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not a schema version (expected v1, v2, …)");
        }
        return new SchemaVersion(Integer.parseInt(digits));
    }

    public static SchemaVersion of(int number) {
        return new SchemaVersion(number);
    }

    @Override
    public int compareTo(SchemaVersion other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return "v" + number;
    }
}

package io.streamlake.schema.codec.avro;

/**
 * The Confluent wire format: byte 0 is the magic byte 0, bytes 1-4 the registry schema id (big-endian),
 * then the Avro binary encoding of the value.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {}

    /** Writes the 5-byte header for {@code schemaId} into {@code out[0..4]}. */
    static void writeHeader(byte[] out, int schemaId) {
        out[0] = MAGIC_BYTE;
        out[1] = (byte) (schemaId >>> 24);
        out[2] = (byte) (schemaId >>> 16);
        out[3] = (byte) (schemaId >>> 8);
        out[4] = (byte) schemaId;
    }

    /**
     * The schema id in a wire-format value.
     *
     * @throws IllegalArgumentException when the value is too short or its first byte is not 0
     */
    public static int schemaId(byte[] value) {
        if (value == null || value.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("not Confluent wire format: " + (value == null ? 0 : value.length)
                    + " bytes, at least " + HEADER_LENGTH + " expected");
        }
        if (value[0] != MAGIC_BYTE) {
            throw new IllegalArgumentException(String.format(
                    "not Confluent wire format: first byte is 0x%02X, expected the magic byte 0x00", value[0]));
        }
        return ((value[1] & 0xFF) << 24) | ((value[2] & 0xFF) << 16) | ((value[3] & 0xFF) << 8) | (value[4] & 0xFF);
    }
}

package org.disassociate.clevertap.model;

/**
 * A place in a durable file, after its first {@code values} values (numbers or what was meant as one), which end on
 * line {@code line} (1 for the first line; a CSV's header counts). {@link #START} is before the first value.
 */
public record FilePosition(long values, long line) {

    public static final FilePosition START = new FilePosition(0, 0);
}

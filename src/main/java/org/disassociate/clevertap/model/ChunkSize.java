package org.disassociate.clevertap.model;

/**
 * How many values travel together from a file's reader through validation into batching: a fifth of a batch, at most
 * {@value #MAX}. A number does not cost a Camel exchange of its own, and a batch with no room for another chunk is
 * complete.
 */
public final class ChunkSize {

    /** The largest chunk. */
    public static final int MAX = 200;

    private ChunkSize() {}

    /** The chunk size for batches of {@code batchSize} numbers. */
    public static int forBatchSize(int batchSize) {
        return Math.max(1, Math.min(MAX, (batchSize + 4) / 5));
    }
}

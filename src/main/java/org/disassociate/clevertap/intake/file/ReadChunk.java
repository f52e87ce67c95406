package org.disassociate.clevertap.intake.file;

import java.util.AbstractList;
import java.util.List;

import org.disassociate.clevertap.model.Settlement;

/**
 * A chunk of a file's values, as read, with its place in the file's settlement (null when the file is read without
 * one): it is unsettled from its read, and holds back the file's checkpoint, until each of its numbers is settled.
 */
public final class ReadChunk extends AbstractList<String> {

    private final List<String> values;
    private final Settlement.Chunk chunk;

    ReadChunk(List<String> values, Settlement.Chunk chunk) {
        this.values = values;
        this.chunk = chunk;
    }

    public Settlement.Chunk getChunk() {
        return chunk;
    }

    @Override
    public String get(int index) {
        return values.get(index);
    }

    @Override
    public int size() {
        return values.size();
    }
}

package org.encore.data;

import java.util.Arrays;

/**
 * A two-way map between MovieLens ids (not sequential) and dense indices 0..n-1. Ids are kept sorted,
 * so the index of an id is found by binary search and index order is id order.
 */
public final class IdIndex {
    private final int[] sortedIds;

    /** @param sortedIds strictly increasing ids; index i stands for sortedIds[i] */
    public IdIndex(int[] sortedIds) {
        for (int i = 1; i < sortedIds.length; i++) {
            if (sortedIds[i] <= sortedIds[i - 1]) {
                throw new IllegalArgumentException("ids must be strictly increasing at position " + i);
            }
        }
        this.sortedIds = sortedIds;
    }

    public int size() {
        return sortedIds.length;
    }

    public int idAt(int index) {
        return sortedIds[index];
    }

    /** Dense index of {@code id}, or -1 when the id is unknown. */
    public int indexOf(int id) {
        int at = Arrays.binarySearch(sortedIds, id);
        return at >= 0 ? at : -1;
    }

    public boolean contains(int id) {
        return indexOf(id) >= 0;
    }

    /** The ids in index order; shared, not copied. */
    public int[] ids() {
        return sortedIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdIndex other && Arrays.equals(sortedIds, other.sortedIds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sortedIds);
    }
}

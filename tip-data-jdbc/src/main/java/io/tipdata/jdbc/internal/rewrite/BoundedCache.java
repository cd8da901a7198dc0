package io.tipdata.jdbc.internal.rewrite;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe cache of at most {@code capacity} entries that keeps recently used ones.
 *
 * <p>Two generations: entries go into the young map; when it is full, the old map is dropped and the
 * young one becomes old. A hit in the old map moves the entry back to the young one. A read is one or
 * two {@link ConcurrentHashMap#get} calls and takes no lock.
 */
final class BoundedCache<K, V> {

    private final int generationSize;
    private volatile ConcurrentHashMap<K, V> young;
    private volatile ConcurrentHashMap<K, V> old;

    BoundedCache(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("cache size " + capacity + " is too small: give at least 2");
        }
        this.generationSize = capacity / 2;
        this.young = new ConcurrentHashMap<>();
        this.old = new ConcurrentHashMap<>();
    }

    V get(K key) {
        V v = young.get(key);
        if (v != null) {
            return v;
        }
        v = old.get(key);
        if (v != null) {
            put(key, v);
        }
        return v;
    }

    void put(K key, V value) {
        ConcurrentHashMap<K, V> y = young;
        if (y.size() >= generationSize) {
            synchronized (this) {
                if (young.size() >= generationSize) {
                    old = young;
                    young = new ConcurrentHashMap<>();
                }
                y = young;
            }
        }
        y.put(key, value);
    }

    int size() {
        return young.size() + old.size();
    }
}

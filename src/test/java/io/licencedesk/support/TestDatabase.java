package io.licencedesk.support;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A new in-memory H2 database with the application's migrations, for tests of SQL without a Spring context. */
public final class TestDatabase {

    private TestDatabase() {}

    public static JdbcClient h2() {
        // One connection, kept open, so the in-memory database lives as long as the test uses it.
        var dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:unit-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "",
                true);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        return JdbcClient.create(dataSource);
    }
}

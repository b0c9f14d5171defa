package io.licencedesk.operations;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipFile;

/**
 * A PostgreSQL server of the major version that the machine's pg_dump and pg_restore can talk to (15, Debian 12's
 * client), from zonky's binaries jar that Maven copies under target/ (pom.xml, restore-test-postgres). That jar
 * cannot be on the classpath: it holds the same resource as the tests' PostgreSQL 17, so it is read here as a file.
 */
final class RestoreTestPostgres {

    static final String BINARIES_PROPERTY = "licencedesk.restore-test.postgres-binaries";

    /** The account that owns the application's database, as docs/operations.md sets one up. */
    static final String OWNER = "licencedesk";

    static final String DATABASE = "licencedesk";

    private RestoreTestPostgres() {}

    static EmbeddedPostgres start() throws IOException {
        String jar = System.getProperty(BINARIES_PROPERTY, "");
        assumeTrue(
                !jar.isEmpty() && Files.isRegularFile(Path.of(jar)),
                "PostgreSQL 15's binaries are copied under target/restore-test by Maven's generate-test-resources phase"
                        + " (system property " + BINARIES_PROPERTY + "='" + jar + "'): run this test through ./mvnw");
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, hardware) -> binaries(Path.of(jar), system, hardware))
                .start();
    }

    /** The server's account of the application, without superuser rights, as in production. */
    static void createOwner(EmbeddedPostgres server) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create role " + OWNER + " login");
        }
    }

    static String jdbcUrl(EmbeddedPostgres server) {
        return server.getJdbcUrl(OWNER, DATABASE);
    }

    private static InputStream binaries(Path jar, String system, String hardware) throws IOException {
        String entry = "postgres-%s-%s.txz".formatted(system.toLowerCase(), hardware);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var archive = zip.getEntry(entry);
            if (archive == null) {
                throw new IOException(jar + " has no " + entry);
            }
            try (InputStream in = zip.getInputStream(archive)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }
}

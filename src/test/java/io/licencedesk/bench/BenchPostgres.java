package io.licencedesk.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The benchmark's PostgreSQL: embedded, tuned like a small production server, with auto_explain loaded
 * (off until {@link PlanLog} turns it on) and JSON server logs under the data directory.
 */
final class BenchPostgres {

    /** The same tolerance for the application under test, as a command-line argument. */
    static final String SERVER_MIGRATION_OPTION = "--spring.flyway.out-of-order=true";

    private BenchPostgres() {}

    /** For the command-line benchmarks: stopped when they end, or by its own shutdown hook if they are killed. */
    static EmbeddedPostgres start(Path dataDirectory, boolean clean) throws IOException {
        return builder(dataDirectory, clean).start();
    }

    /**
     * For a test context, which stops the server (a bean) after closing its pool. The server's own shutdown
     * hook would stop it at the same time as the context closes, and a closing context that then asks its
     * pool for a connection waits the pool's 30 seconds, past Surefire's patience with the exiting JVM.
     */
    static EmbeddedPostgres startForContext(Path dataDirectory) throws IOException {
        return builder(dataDirectory, true).setRegisterShutdownHook(false).start();
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, boolean clean) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("effective_cache_size", "8GB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "1GB")
                .setServerConfig("random_page_cost", "1.1")
                // Room for a whole timed bulk load between two checkpoints: after a checkpoint, the first change of
                // each page writes the whole page to the WAL, and with 8 GB a 1,000,000-row load met two checkpoints
                // at moments that differed from run to run (ImportBenchmark checkpoints before each timed part).
                .setServerConfig("max_wal_size", "32GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_preload_libraries", "auto_explain")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "jsonlog")
                .setServerConfig("log_directory", "log")
                .setServerConfig("log_filename", "postgresql.log");
    }

    /**
     * Applies the application's own migrations, as the application would at start. Out of order: the data
     * is kept between runs, and a branch may have applied a later version before a merge brought an
     * earlier one (see {@link #SERVER_MIGRATION_OPTION} for the server).
     */
    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .outOfOrder(true)
                .load()
                .migrate();
    }
}

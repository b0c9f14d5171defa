package io.licencedesk.web;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two requests of one session at the same time (a double click, a burst of htmx requests) each save the
 * session's changed attributes when they finish. Spring Session inserts an attribute it did not load with a
 * plain INSERT, so the second of two requests adding the same attribute (the flash map of a redirect) failed
 * on the primary key after its action was done, and its error page failed the same way: a bare 500. The
 * insert becomes an upsert; the last writer wins, as it does for an attribute both requests loaded.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    private static final String POSTGRESQL_UPSERT = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    private static final String H2_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWriters(DataSource dataSource)
            throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        String upsert = database.equals("H2") ? H2_UPSERT : POSTGRESQL_UPSERT;
        return sessions -> sessions.setCreateSessionAttributeQuery(upsert);
    }
}

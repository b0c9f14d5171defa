package io.licencedesk.web;

import io.licencedesk.shared.ControlCharacters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.util.Arrays;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database-backed session store, made to bear what browsers and attackers send it.
 *
 * <p>Two requests of one session at the same time (a double click, a burst of htmx requests) each save the
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

    /**
     * A session cookie is base64 of the session's id, which Spring Session looks up as it decodes it: one that
     * decodes to NUL was a 500 on PostgreSQL for anyone, signed in or not. Such a cookie names no session, so
     * it is left out before the session filter reads the cookies; the request goes on without a session.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionCookieGuard(
            @Value("${server.servlet.session.cookie.name:SESSION}") String cookieName) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Cookie[] cookies = request.getCookies();
                if (cookies == null || Arrays.stream(cookies).noneMatch(cookie -> unreadable(cookie, cookieName))) {
                    chain.doFilter(request, response);
                    return;
                }
                Cookie[] kept = Arrays.stream(cookies)
                        .filter(cookie -> !unreadable(cookie, cookieName))
                        .toArray(Cookie[]::new);
                chain.doFilter(
                        new HttpServletRequestWrapper(request) {
                            @Override
                            public Cookie[] getCookies() {
                                return kept;
                            }
                        },
                        response);
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    private static boolean unreadable(Cookie cookie, String sessionCookie) {
        if (!cookie.getName().equals(sessionCookie)) {
            return false;
        }
        try {
            return ControlCharacters.in(
                    new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return false; // Spring Session ignores it
        }
    }
}

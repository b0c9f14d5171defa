package io.licencedesk.web;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.zaxxer.hikari.HikariDataSource;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * While a node's database cannot be reached, a page answers 503 with a page that says so (English or French), the
 * API its {@code unavailable} problem, never a 500 or a stack trace; once the database answers again, so do the
 * pages. The database "goes away" by every connection being refused as HikariCP refuses one after its timeout.
 */
@IntegrationTest
@Import(DatabaseUnreachableIntegrationTests.Outage.class)
class DatabaseUnreachableIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    DataSource dataSource;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
    }

    @AfterEach
    void databaseBack() {
        Outage.down = false;
    }

    @Test
    void aPageSaysTheDatabaseCannotBeReachedWith503() throws Exception {
        var manager = fixture.signedIn(org.manager());
        // a session of the database, as a browser holds: the page's CSRF token is read from it
        Cookie session = send(get("/licences").with(manager)).getCookie("SESSION");
        assertThat(session).isNotNull();
        Outage.down = true;
        MockHttpServletResponse page = send(get("/licences").cookie(session));
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("60");
        assertThat(page.getHeader("X-Request-Id"))
                .as("the id the log names the failure with")
                .isNotBlank();
        assertThat(page.getContentType()).startsWith("text/html");
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("LicenceDesk cannot reach its database", "Please try again in a minute.")
                .doesNotContain("Exception", "at io.licencedesk", "Something went wrong");

        Outage.down = false;
        assertThat(send(get("/licences").with(manager)).getStatus()).isEqualTo(200);
    }

    @Test
    void saysItInFrench() throws Exception {
        var alice = fixture.signedIn(org.alice());
        Outage.down = true;
        MockHttpServletResponse page =
                send(get("/portal").header("Accept-Language", "fr").with(alice));
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("LicenceDesk ne peut pas joindre sa base de données", "réessayer dans une minute");
    }

    @Test
    void theApiAnswersItsUnavailableProblem() throws Exception {
        String token = fixture.token(org.owner());
        Outage.down = true;
        MockHttpServletResponse answer = send(get("/api/v1/licences").with(bearer(token)));
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getContentType()).startsWith("application/problem+json");
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("https://licencedesk.io/problems/unavailable")
                .doesNotContain("Exception");
    }

    /** A page waits a few seconds for a connection, not HikariCP's 30 s (several times over: 90 s measured). */
    @Test
    void waitsAFewSecondsForAConnection() {
        HikariDataSource pool = ((Outage.Switchable) dataSource).pool();
        assertThat(pool.getConnectionTimeout()).isEqualTo(5_000);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Wraps the pool: while {@link #down}, every connection is refused as HikariCP refuses one after its timeout. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Outage implements BeanPostProcessor {

        static volatile boolean down;

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof HikariDataSource pool ? new Switchable(pool) : bean;
        }

        static final class Switchable extends DelegatingDataSource {

            Switchable(HikariDataSource pool) {
                super(pool);
            }

            HikariDataSource pool() {
                return (HikariDataSource) obtainTargetDataSource();
            }

            @Override
            public Connection getConnection() throws SQLException {
                refuseWhileDown();
                return super.getConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                refuseWhileDown();
                return super.getConnection(username, password);
            }

            private static void refuseWhileDown() throws SQLTransientConnectionException {
                if (down) {
                    throw new SQLTransientConnectionException(
                            "HikariPool-1 - Connection is not available, request timed out after 5000ms.");
                }
            }
        }
    }
}

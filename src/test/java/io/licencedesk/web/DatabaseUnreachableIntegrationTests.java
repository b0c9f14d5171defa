package io.licencedesk.web;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.zaxxer.hikari.HikariDataSource;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
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
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        Outage.testThread = Thread.currentThread();
    }

    @AfterEach
    void databaseBack() {
        Outage.down = false;
        Outage.refused.clear();
    }

    @Test
    void aPageSaysTheDatabaseCannotBeReachedWith503(CapturedOutput output) throws Exception {
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
        assertThat(lines(output, "GET /licences answered 503: the database cannot be reached ("))
                .as("one line for the request, with the cause")
                .isEqualTo(1);
        assertThat(output.getAll())
                .as("no stack trace for it")
                .doesNotContain("at io.licencedesk.web.DatabaseUnreachable");

        Outage.down = false;
        assertThat(send(get("/licences").with(manager)).getStatus()).isEqualTo(200);
    }

    /**
     * The sign-in page waited for a connection twice before its 503 (10 s at a real pool): its new session was saved
     * when the page was written and again when the request ended, and a visitor's session looked up again after the
     * look-up failed. Each connection asked for here is one wait of HikariCP's timeout at a real pool. Since the page
     * makes no session (decision 0127), a visitor without one reads it without asking for any; signing in then says
     * the database cannot be reached (below).
     */
    @Test
    void theSignInPageWaitsForTheDatabaseOnce() throws Exception {
        Outage.down = true;
        MockHttpServletResponse page = send(get("/login"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Sign in to LicenceDesk");
        assertThat(Outage.refused).as("connections asked for").isEmpty();
    }

    /**
     * A visitor whose browser holds a session (signed in earlier; a tab left on the sign-in page) waits once on the
     * page and once on signing in, not twice. Neither the sign-in page nor a refused sign-in makes a session any more
     * (decisions 0127, 0132), so the session here is one made by signing in.
     */
    @Test
    void theSignInPageOfAVisitorWithASessionWaitsOnce() throws Exception {
        MockHttpServletResponse signedIn = send(post("/login")
                .param("email", org.manager().email())
                .param("password", TestOrganisation.PASSWORD)
                .with(csrf()));
        Cookie session = signedIn.getCookie("SESSION");
        assertThat(session).isNotNull();
        Outage.down = true;

        assertThat(send(get("/login").cookie(session)).getStatus()).isEqualTo(503);
        assertThat(Outage.refused).as("connections asked for by the page").hasSize(1);

        Outage.refused.clear();
        MockHttpServletResponse signIn = send(post("/login")
                .cookie(session)
                .param("email", org.manager().email())
                .param("password", TestOrganisation.PASSWORD)
                .with(csrf()));
        assertThat(signIn.getStatus()).isEqualTo(503);
        assertThat(Outage.refused).as("connections asked for by the sign-in").hasSize(1);
    }

    @Test
    void aSignInWithoutASessionWaitsOnce() throws Exception {
        Outage.down = true;
        MockHttpServletResponse signIn = send(post("/login")
                .param("email", org.manager().email())
                .param("password", TestOrganisation.PASSWORD)
                .with(csrf()));
        assertThat(signIn.getStatus()).isEqualTo(503);
        assertThat(Outage.refused).as("connections asked for").hasSize(1);
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

    /**
     * The mail dispatcher asks for a connection every second: while the database is away, the log says so once, not
     * with a stack trace each time, and says when it works again.
     */
    @Test
    void aJobThatCannotReachTheDatabaseSaysSoOnceAndWhenItWorksAgain(CapturedOutput output) {
        // an outage of an earlier test is over for the dispatcher once it has worked since
        long worked = dispatcherRuns("SUCCESS");
        await().atMost(Duration.ofSeconds(10)).until(() -> dispatcherRuns("SUCCESS") >= worked + 2);
        int before = Outage.dispatcherRefused.get();
        long failedRunsBefore = dispatcherRuns("ERROR");
        Outage.down = true;
        await().atMost(Duration.ofSeconds(30)).until(() -> Outage.dispatcherRefused.get() >= before + 3);
        await().atMost(Duration.ofSeconds(10))
                .alias("the job metric counts each failed run")
                .until(() -> dispatcherRuns("ERROR") >= failedRunsBefore + 3);

        assertThat(lines(output, "Job MailDispatcher.dispatchDue failed: the database cannot be reached"))
                .isEqualTo(1);
        assertThat(output.getAll())
                .doesNotContain("Unexpected error occurred in scheduled task", "at io.licencedesk.mail.MailDispatcher");

        Outage.down = false;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> lines(output, "Job MailDispatcher.dispatchDue works again") == 1);
    }

    private long dispatcherRuns(String outcome) {
        return meters
                .find("tasks.scheduled.execution")
                .tag("code.namespace", "io.licencedesk.mail.MailDispatcher")
                .tag("code.function", "dispatchDue")
                .tag("outcome", outcome)
                .timers()
                .stream()
                .mapToLong(Timer::count)
                .sum();
    }

    private static long lines(CapturedOutput output, String text) {
        return output.getAll().lines().filter(line -> line.contains(text)).count();
    }

    /** A page waits a few seconds for a connection, not HikariCP's 30 s (several times over: 90 s measured). */
    @Test
    void waitsAFewSecondsForAConnection() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getConnectionTimeout()).isEqualTo(5_000);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /**
     * Wraps the pool, first of all (nearest the pool, as the database is): while {@link #down}, every connection is
     * refused as HikariCP refuses one after its timeout.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Outage implements BeanPostProcessor, PriorityOrdered {

        static volatile boolean down;

        /**
         * The connections the test's own thread asked the pool for while down (the jobs' threads ask too), each
         * one wait at a real pool.
         */
        static final List<Throwable> refused = new CopyOnWriteArrayList<>();

        static volatile Thread testThread;

        /** The mail dispatcher's connections refused while down. */
        static final AtomicInteger dispatcherRefused = new AtomicInteger();

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof HikariDataSource pool ? new Switchable(pool) : bean;
        }

        static final class Switchable extends DelegatingDataSource {

            Switchable(HikariDataSource pool) {
                super(pool);
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
                    Throwable asked = new Throwable("asked for a connection");
                    if (Thread.currentThread() == testThread) {
                        refused.add(asked);
                    }
                    if (Arrays.stream(asked.getStackTrace())
                            .anyMatch(frame -> frame.getClassName().equals("io.licencedesk.mail.MailDispatcher"))) {
                        dispatcherRefused.incrementAndGet();
                    }
                    throw new SQLTransientConnectionException(
                            "HikariPool-1 - Connection is not available, request timed out after 5000ms.");
                }
            }
        }
    }
}

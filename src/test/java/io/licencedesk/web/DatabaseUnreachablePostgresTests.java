package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.TestFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A node at a real web server whose PostgreSQL is stopped while it runs: each page, the sign-in page too, and the API
 * answer 503 after asking the pool for a connection once, which is one wait of HikariCP's connection timeout. The
 * server is this class's own, so that stopping it leaves the other test classes' alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DatabaseUnreachablePostgresTests.OwnServer.class)
@DirtiesContext
class DatabaseUnreachablePostgresTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestFixture fixture;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    DataSource dataSource;

    private final HttpClient visitor = client();

    private final HttpClient manager = client();

    @Test
    void everyPageAsksForAConnectionOnceThenAnswers503() throws Exception {
        TestOrganisation org = fixture.organisation();
        String token = fixture.token(org.owner());
        String visitorsCsrf = csrfIn(send(visitor, get("/login")).body());
        signIn(org.manager().email());
        postgres.close();
        // The connections the pool holds would fail at their first statement instead (08006, a 503 as well:
        // DatabaseFailuresTests); this is about asking for new ones, as every request does once those are gone.
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

        // The sign-in page of a visitor without a session asks for none (decision 0127); signing in does.
        int asked = OwnServer.askedByRequests.get();
        assertThat(send(client(), get("/login")).statusCode()).isEqualTo(200);
        assertThat(send(visitor, get("/login")).statusCode()).isEqualTo(200);
        assertThat(OwnServer.askedByRequests.get()).isEqualTo(asked);
        assertAsksOnceAnd503(
                visitor,
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "email=" + encode(org.manager().email())
                                        + "&password=" + encode(TestOrganisation.PASSWORD) + "&_csrf="
                                        + encode(visitorsCsrf))));
        assertAsksOnceAnd503(manager, get("/licences"));
        assertAsksOnceAnd503(client(), get("/api/v1/licences").header("Authorization", "Bearer " + token));
    }

    private void assertAsksOnceAnd503(HttpClient client, HttpRequest.Builder request) throws Exception {
        int before = OwnServer.askedByRequests.get();
        HttpResponse<String> answer = send(client, request);
        assertThat(answer.statusCode()).as(answer.request().uri().toString()).isEqualTo(503);
        assertThat(OwnServer.askedByRequests.get() - before)
                .as(
                        "connections asked for by %s %s",
                        answer.request().method(), answer.request().uri())
                .isEqualTo(1);
    }

    private void signIn(String email) throws Exception {
        String csrf = csrfIn(send(manager, get("/login")).body());
        HttpResponse<String> signedIn = send(
                manager,
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(email) + "&password="
                                + encode(TestOrganisation.PASSWORD) + "&_csrf=" + encode(csrf))));
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        assertThat(send(manager, get("/licences")).statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static String csrfIn(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A PostgreSQL of this class's own, and its pool, counting the connections the web server's threads ask for. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnServer {

        static final AtomicInteger askedByRequests = new AtomicInteger();

        @Bean(destroyMethod = "")
        EmbeddedPostgres postgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedPostgres postgres) {
            var pool = new HikariDataSource() {
                @Override
                public Connection getConnection() throws SQLException {
                    if (Thread.currentThread().getName().startsWith("http-")) {
                        askedByRequests.incrementAndGet();
                    }
                    return super.getConnection();
                }
            };
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setConnectionTimeout(5_000);
            return pool;
        }
    }
}

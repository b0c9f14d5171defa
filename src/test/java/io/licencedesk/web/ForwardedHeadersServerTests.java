package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import jakarta.servlet.Filter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.context.ActiveProfiles;

/**
 * The address the sign-in and coupon limits count is the peer's, unless the peer is a configured proxy. With
 * forwarded headers on (native) and Tomcat's default, any loopback or private peer set its own address with
 * {@code X-Forwarded-For}: 40 of 40 sign-in failures were each counted for a new address.
 */
class ForwardedHeadersServerTests {

    private static final String FORWARDED = "203.0.113.7";

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "server.forward-headers-strategy=native")
    @ActiveProfiles("test")
    @Import(RemoteAddressEcho.class)
    class WithNoProxyConfigured {

        @LocalServerPort
        int port;

        @Test
        void ignoresXForwardedForFromAnyPeer() throws Exception {
            assertThat(remoteAddressSeen(port)).isEqualTo("127.0.0.1");
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "server.forward-headers-strategy=native",
                "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"
            })
    @ActiveProfiles("test")
    @Import(RemoteAddressEcho.class)
    class WithTheProxyConfigured {

        @LocalServerPort
        int port;

        @Autowired
        TestOrganisations organisations;

        @Test
        void takesTheClientsAddressFromTheConfiguredProxy() throws Exception {
            assertThat(remoteAddressSeen(port)).isEqualTo(FORWARDED);
        }

        /**
         * An attacker's probes (decision 0159): behind the TLS proxy, the cookies of a sign-in are {@code Secure}, so
         * that a browser never sends them over plain HTTP, besides HttpOnly and SameSite=Lax; the session is a new one,
         * and signing out ends it at the server (its cookie no longer opens a page).
         */
        @Test
        void theCookiesOfASignInOverTlsAreSecureAndSigningOutEndsTheSession() throws Exception {
            TestOrganisation org = organisations.create();
            HttpClient browser = HttpClient.newHttpClient();
            HttpResponse<String> signInPage =
                    browser.send(overTls("/login").build(), HttpResponse.BodyHandlers.ofString());
            String formToken = cookie(signInPage, NoSessionForARefusedForm.COOKIE);
            assertThat(formToken).contains("; Secure", "; HttpOnly", "SameSite=Lax");
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signInPage.body());
            assertThat(csrf.find()).isTrue();

            HttpResponse<String> signedIn = browser.send(
                    overTls("/login")
                            .header("Cookie", formToken.substring(0, formToken.indexOf(';')))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("email="
                                    + URLEncoder.encode(org.manager().email(), StandardCharsets.UTF_8)
                                    + "&password=" + TestOrganisation.PASSWORD + "&_csrf="
                                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location")).hasValue("https://localhost/");
            String session = cookie(signedIn, "SESSION");
            assertThat(session).contains("; Secure", "; HttpOnly", "SameSite=Lax");
            String sessionCookie = session.substring(0, session.indexOf(';'));

            HttpResponse<String> page = browser.send(
                    overTls("/licences").header("Cookie", sessionCookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher pageCsrf =
                    Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(pageCsrf.find()).isTrue();
            String pageFormToken = cookie(page, NoSessionForARefusedForm.COOKIE);
            HttpResponse<String> signedOut = browser.send(
                    overTls("/logout")
                            .header(
                                    "Cookie",
                                    sessionCookie + "; "
                                            + (pageFormToken == null
                                                    ? formToken.substring(0, formToken.indexOf(';'))
                                                    : pageFormToken.substring(0, pageFormToken.indexOf(';'))))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "_csrf=" + URLEncoder.encode(pageCsrf.group(1), StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedOut.statusCode()).isEqualTo(302);
            HttpResponse<String> after = browser.send(
                    overTls("/licences").header("Cookie", sessionCookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode())
                    .as("the old session cookie opens nothing")
                    .isEqualTo(302);
            assertThat(after.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        }

        private HttpRequest.Builder overTls(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-Proto", "https")
                    .header("Accept", "text/html");
        }

        private static String cookie(HttpResponse<?> answer, String name) {
            return answer.headers().allValues("Set-Cookie").stream()
                    .filter(value -> value.startsWith(name + "="))
                    .findFirst()
                    .orElse(null);
        }
    }

    static String remoteAddressSeen(int port) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/remote-address"))
                                .header("X-Forwarded-For", FORWARDED)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** Answers the remote address the application sees, before anything else runs. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RemoteAddressEcho {

        @Bean
        FilterRegistrationBean<Filter> remoteAddressEcho() {
            var registration = new FilterRegistrationBean<Filter>((request, response, chain) -> {
                response.setContentType("text/plain");
                response.getWriter().write(request.getRemoteAddr());
            });
            registration.addUrlPatterns("/test/remote-address");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}

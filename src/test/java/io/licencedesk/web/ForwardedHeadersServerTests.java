package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
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

        @Test
        void takesTheClientsAddressFromTheConfiguredProxy() throws Exception {
            assertThat(remoteAddressSeen(port)).isEqualTo(FORWARDED);
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

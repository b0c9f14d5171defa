package io.licencedesk.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/health} and its groups for a load balancer's check or curl that accepts plain text and not JSON:
 * the status's code alone on one line ({@code UP}, {@code DOWN}, {@code OUT_OF_SERVICE}) with the status code the JSON
 * answer has (200, or 503). Spring Boot's endpoint answers JSON only, so such a check was answered 406 whatever the
 * health (decision 0171). A request that accepts JSON, or names no type, gets the endpoint's JSON as before. Only where
 * the actuator shares the application's port: moved to a port of its own ({@code management.server.port}), its health
 * answers JSON alone there, and the application's port has none to answer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.SAME)
class HealthInPlainText {

    private static final String HEALTH = "/actuator/health";

    private static final List<MediaType> JSON = List.of(
            MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/vnd.spring-boot.actuator.v3+json"));

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> healthInPlainTextFilter(
            ObjectProvider<HealthEndpointWebExtension> health) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                        || !(path.equals(HEALTH) || path.startsWith(HEALTH + "/"))
                        || !wantsPlainText(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HealthEndpointWebExtension endpoint = health.getIfAvailable();
                if (endpoint == null) {
                    chain.doFilter(request, response);
                    return;
                }
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length() + HEALTH.length());
                String[] group = path.isEmpty() || path.equals("/")
                        ? new String[0]
                        : path.substring(1).split("/");
                var answer = endpoint.health(ApiVersion.V3, WebServerNamespace.SERVER, caller(request), group);
                response.setStatus(answer.getStatus());
                response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
                HealthDescriptor descriptor = answer.getBody();
                if (descriptor != null) {
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getOutputStream()
                            .write((descriptor.getStatus().getCode() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        registration.addUrlPatterns(HEALTH, HEALTH + "/*");
        return registration;
    }

    /** Who asks, as the endpoint's JSON answer sees it: a component's path is answered to whom it is shown. */
    private static SecurityContext caller(HttpServletRequest request) {
        return new SecurityContext() {
            @Override
            public Principal getPrincipal() {
                return request.getUserPrincipal();
            }

            @Override
            public boolean isUserInRole(String role) {
                return request.isUserInRole(role);
            }
        };
    }

    /**
     * Whether the request accepts plain text and no JSON: a check that names {@code text/plain} (or {@code text/*})
     * alone. A list that cannot be read is left to the endpoint, as it was.
     */
    static boolean wantsPlainText(HttpServletRequest request) {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        List<MediaType> named =
                accepted.stream().filter(type -> type.getQualityValue() > 0).toList();
        return named.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_PLAIN))
                && named.stream().noneMatch(type -> JSON.stream().anyMatch(type::isCompatibleWith));
    }
}

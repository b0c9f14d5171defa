package io.licencedesk.api;

import io.licencedesk.web.ApiProblemWriter;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Idempotency-Key on the REST API's POSTs (decision 0043). */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /**
     * After Spring Security's chain, which has found the token the keys belong to and refused what it refuses
     * (no token, a read-only token's write, too many requests): those answers are neither kept nor replayed.
     */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(
            IdempotencyKeys keys, ApiProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys, problems));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}

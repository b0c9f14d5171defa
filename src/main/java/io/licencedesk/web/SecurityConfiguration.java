package io.licencedesk.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three chains: the actuator (health public, metrics for owners with HTTP Basic, for scrapers), the device
 * API (stateless, its own credentials) and the web pages (form sign-in, CSRF; the password pages and the
 * API documentation are public). Console pages are for owners and account managers, the portal for clients.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole("OWNER"))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .build();
    }

    /**
     * The device API: no session, no CSRF (screens are not browsers), no sign-in. Each request carries a
     * device credential that the device API checks itself, so the chain only has to stay out of the way.
     */
    @Bean
    @Order(2)
    SecurityFilterChain deviceApi(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/v1/device/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .anonymous(anonymous -> anonymous.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/error",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.svg",
                                "/password/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/portal/**")
                        .hasRole("CLIENT")
                        .requestMatchers("/plans/new", "/plans/*/edit", "/settings", "/settings/**")
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.POST, "/plans", "/plans/**")
                        .hasRole("OWNER")
                        .requestMatchers("/")
                        .authenticated()
                        .anyRequest()
                        .hasAnyRole("OWNER", "MANAGER"))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .successHandler(new HomeByRole())
                        .failureUrl("/login?failed")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }
}

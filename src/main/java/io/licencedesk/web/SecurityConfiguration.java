package io.licencedesk.web;

import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.People;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Three chains: the REST API (bearer tokens only, see {@link #api}), the actuator (health public, metrics for owners
 * with HTTP Basic only, for scrapers, read only) and the web
 * pages (form sign-in, CSRF; the password pages and the API documentation are public). Both doors with a
 * password have attempt limits (SignInLimitFilter). Console pages are for owners and account managers,
 * the portal for clients. The device API (the api module) stays outside Spring Security: it checks its own
 * credentials.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * The one way a password is checked (the sign-in form and the actuator's HTTP Basic): the password before the
     * account's state, see {@link SignInChecks}.
     */
    @Bean
    DaoAuthenticationProvider passwordFirst(UserDetailsService users, PasswordEncoder passwords) {
        return SignInChecks.passwordFirst(users, passwords);
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http, SignInLimits signInLimits, LocaleResolver languages, Words words)
            throws Exception {
        ActuatorRefusals refusals = new ActuatorRefusals(languages, words);
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // Read only, whatever an operator exposes: CSRF is off here, and a browser sends the HTTP
                        // Basic credentials it was once given with any request, a form of another site's too.
                        .requestMatchers(HttpMethod.GET)
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.HEAD)
                        .hasRole("OWNER")
                        .anyRequest()
                        .denyAll())
                // HTTP Basic only: the console's session cookie of an owner's browser opens nothing here (decision
                // 0171), as it opens nothing under /api.
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // A scraper refused is answered a plain 401, a browser the page saying to send HTTP Basic (decision
                // 0163).
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals))
                .addFilterBefore(SignInLimitFilter.httpBasic(signInLimits, refusals), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                // A monitoring tool is not sent back to a page after signing in: keeping the refused request for
                // that made a session row for every scrape refused (decision 0123).
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * The device API is left out of Spring Security altogether: no session, no CSRF (screens are not
     * browsers), no sign-in; each request carries a device credential that the device API checks itself
     * (the api module's ApiRequestFilters give it the size limit and the headers this chain would).
     * Passing through a permit-all chain held the check-in, the hot path, at about 4,000 requests/s where it
     * does 5,600 without (and the trivial device endpoint at 11,000 where it does 26,000; docs/benchmarks.md).
     */
    @Bean
    WebSecurityCustomizer deviceApiOutsideSecurity() {
        return web -> web.ignoring().requestMatchers("/api/v1/device/**");
    }

    /**
     * The REST API under /api/v1 (the device API aside), and every other address under /api, which a program
     * reaches with a wrong version or a typo and must get a problem for rather than the sign-in page (401 without
     * a token, 404 with one): a bearer token on every request, nothing else. No
     * session is read or made and so no CSRF token is needed; a signed-in browser's cookie opens nothing here.
     * Plans are written by owners, the portal's resources are for clients, the rest for staff ({@link ApiTokenKinds},
     * whose table also words the 403); within that, the façades scope everything by the token's organisation and
     * client.
     */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ApiRateLimits limits, ApiProblemWriter problems)
            throws Exception {
        return http.securityMatcher("/api", "/api/**")
                .authorizeHttpRequests(ApiTokenKinds::authorize)
                .addFilterBefore(new ApiTokenFilter(tokens, limits, problems), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> problems.write(
                                request,
                                response,
                                ApiProblemWriter.problem(
                                        HttpStatus.UNAUTHORIZED,
                                        "unauthenticated",
                                        "Authentication required",
                                        "Send a valid API token as \"Authorization: Bearer ldk_live_…\".")))
                        .accessDeniedHandler((request, response, denied) -> problems.write(
                                request,
                                response,
                                ApiProblemWriter.problem(
                                        HttpStatus.FORBIDDEN,
                                        "forbidden",
                                        "Not allowed",
                                        ApiTokenKinds.whyForbidden(request)))))
                .build();
    }

    private static boolean hasRole(Authentication authentication, String role) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> role.equals(authority.getAuthority()));
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(
            HttpSecurity http,
            SignInLimits signInLimits,
            SignInDevices devices,
            UserDetailsService users,
            ThymeleafViewResolver pages,
            LocaleResolver languages,
            ApiProblemWriter problems,
            Words words,
            People people)
            throws Exception {
        HomeByRole home = new HomeByRole();
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/error",
                                "/assets/**",
                                "/webjars/**",
                                "/robots.txt",
                                "/favicon.ico",
                                "/apple-touch-icon.png",
                                "/apple-touch-icon-precomposed.png",
                                "/password/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/portal", "/portal/**")
                        .access((authentication, context) ->
                                new AuthorizationDecision(hasRole(authentication.get(), "ROLE_CLIENT")
                                        || ViewingAs.staffReadingThePortal(authentication.get(), context.getRequest())))
                        .requestMatchers("/portal/**")
                        .hasRole("CLIENT")
                        .requestMatchers(
                                "/plans/new", "/plans/*/edit", "/settings", "/settings/**", "/people", "/people/**")
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.POST, "/plans", "/plans/**")
                        .hasRole("OWNER")
                        .requestMatchers("/")
                        .authenticated()
                        .anyRequest()
                        .hasAnyRole("OWNER", "MANAGER"))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .authenticationDetailsSource(SignInDetails::new)
                        .successHandler((request, response, authentication) -> {
                            devices.signedIn(request, response, SignInLimits.account(authentication.getName()), (String)
                                    request.getAttribute(SignInLimits.TRUSTED_DEVICE));
                            home.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, failure) -> {
                            HomeController.rememberEmail(request, response);
                            response.sendRedirect(
                                    request.getContextPath() + SignInChecks.failurePage(failure, request, users));
                        })
                        .permitAll())
                .addFilterBefore(SignInLimitFilter.form(signInLimits), UsernamePasswordAuthenticationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(new NoSessionForARefusedForm()))
                // The import's form without JavaScript: its token is read from the body before the file (decision
                // 0133).
                .addFilterBefore(new FormUploadFilter("/licences/imports"), CsrfFilter.class)
                // The page asked for before signing in is kept in a cookie of the sign-in page, not in a session that
                // every anonymous GET of a page behind it made (decision 0127).
                .requestCache(cache -> cache.requestCache(new ReturnAfterSignIn()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new SignInEntryPoint(problems, languages, words))
                        .accessDeniedHandler(new ViewAsRefusals(pages, languages, problems, words)))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(new LanguageKeptAtSignOut())
                        .addLogoutHandler(new ViewingAsEndsAtSignOut(people))
                        .logoutSuccessUrl(ViewAsRefusals.SIGNED_OUT))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }
}

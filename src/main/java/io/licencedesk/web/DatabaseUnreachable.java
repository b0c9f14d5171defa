package io.licencedesk.web;

import io.licencedesk.shared.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * A node whose database has gone away answers at once with 503 and says so, rather than a 500 "Something went
 * wrong": a page gets the error/503 page (try again in a minute), the REST and device APIs the {@code unavailable}
 * problem the REST API answers for a database error in a controller. The failure may come from anywhere in a request
 * (Spring Session reading or saving the session, Spring Security, a controller, a template), so it is caught here,
 * before the session filter; nothing on the way to the answer asks the database again, which the error dispatch did
 * (the session and the signed-in user again, each waiting for a connection). How long a request waits for a
 * connection before it fails is HikariCP's connection timeout (application.properties), and it waits once: after one
 * failure, the request's later connections fail at once ({@link OneConnectionWait}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnreachable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnreachable.class);

    /** The Retry-After of the answer, in seconds: the page says to try again in a minute. */
    static final String RETRY_AFTER = "60";

    /** Every request's connections come through {@link OneConnectionWait}, scoped by the filter below. */
    @Bean
    static BeanPostProcessor oneConnectionWaitPerRequest() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof OneConnectionWait)
                        ? new OneConnectionWait(dataSource)
                        : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnreachableFilter(
            SpringTemplateEngine templates,
            LocaleResolver localeResolver,
            ApplicationContext context,
            ApiProblemWriter problems) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try (var oneWait = OneConnectionWait.during()) {
                    chain.doFilter(request, response);
                } catch (ServletException | RuntimeException failure) {
                    if (!DatabaseFailures.unreachable(failure) || response.isCommitted()) {
                        throw failure;
                    }
                    // one line a request: while the database is away every request fails so, and a stack trace
                    // each would bury the rest of the log
                    log.warn(
                            "{} {} answered 503: the database cannot be reached ({})",
                            request.getMethod(),
                            request.getRequestURI(),
                            DatabaseFailures.inOneLine(failure));
                    Map<String, List<String>> kept = new LinkedHashMap<>();
                    for (String name : response.getHeaderNames()) {
                        if (keptOnTheAnswer(name)) {
                            kept.put(name, List.copyOf(response.getHeaders(name)));
                        }
                    }
                    response.reset();
                    kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
                    response.setHeader("Retry-After", RETRY_AFTER);
                    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                        problems.write(
                                request,
                                response,
                                ApiProblemWriter.problem(
                                        HttpStatus.SERVICE_UNAVAILABLE,
                                        "unavailable",
                                        "Service unavailable",
                                        "The service could not answer just now. Try again shortly."));
                        return;
                    }
                    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                    response.setContentType(MediaType.TEXT_HTML_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    Locale locale = localeResolver.resolveLocale(request);
                    var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                            .buildExchange(withoutAttributes(request), response);
                    var page = new WebContext(exchange, locale);
                    page.setVariable(
                            ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                            new ThymeleafEvaluationContext(context, null));
                    templates.process("error/503", page, response.getWriter());
                }
            }
        });
        // after the request's id and the caller's address (for the log), before the session filter and Spring Security
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 2);
        return registration;
    }

    /**
     * What the filters before the failure wrote stays on the answer (the request's id, the security headers); not
     * what belonged to the page that failed: its body's type and length, a redirect, or the cookie of a session that
     * could not be saved.
     */
    private static boolean keptOnTheAnswer(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return !name.startsWith("content-") && !name.equals("set-cookie") && !name.equals("location");
    }

    /**
     * The request as the page sees it: without what the request's filters and controller left as its attributes, such
     * as Spring Security's CSRF token, which the layout would read from the session in the database, waiting once
     * more for a connection and failing the page.
     */
    private static HttpServletRequest withoutAttributes(HttpServletRequest request) {
        Map<String, Object> attributes = new HashMap<>();
        return new HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                return attributes.get(name);
            }

            @Override
            public Enumeration<String> getAttributeNames() {
                return Collections.enumeration(attributes.keySet());
            }

            @Override
            public void setAttribute(String name, Object value) {
                attributes.put(name, value);
            }

            @Override
            public void removeAttribute(String name) {
                attributes.remove(name);
            }
        };
    }
}

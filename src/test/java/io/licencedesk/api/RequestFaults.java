package io.licencedesk.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter behind every other on the REST API that does to a request what its {@code X-Test-Fault} header says:
 * {@code hold} keeps it running until the test releases it, {@code 500} answers a server error and {@code throw}
 * throws, each before the controller runs.
 */
@TestConfiguration(proxyBeanMethods = false)
class RequestFaults {

    static final String HEADER = "X-Test-Fault";

    /** Holds the requests sent with {@code hold} until released; made anew for each test. */
    static final class Gate {

        private volatile CountDownLatch entered = new CountDownLatch(1);
        private volatile CountDownLatch released = new CountDownLatch(1);

        void reset() {
            entered = new CountDownLatch(1);
            released = new CountDownLatch(1);
        }

        void awaitEntered() throws InterruptedException {
            if (!entered.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("No held request arrived");
            }
        }

        void release() {
            released.countDown();
        }

        private void hold() throws InterruptedException {
            entered.countDown();
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The held request was never released");
            }
        }
    }

    @Bean
    Gate gate() {
        return new Gate();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestFaultsFilter(Gate gate) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String fault = request.getHeader(HEADER);
                if ("500".equals(fault)) {
                    response.setStatus(500);
                    response.setContentType("application/problem+json");
                    response.getWriter().write("{\"status\":500}");
                    return;
                }
                if ("throw".equals(fault)) {
                    throw new IllegalStateException("A fault the test asked for");
                }
                if ("hold".equals(fault)) {
                    try {
                        gate.hold();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new ServletException(interrupted);
                    }
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}

package io.licencedesk.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A CSV download ({@link CsvResponse}) is chosen by its path whatever the request accepts, and refuses here, with a
 * 406 naming {@code text/csv}, a request that accepts no CSV. Left to Spring's negotiation, {@code GET
 * /api/v1/licences/export} with {@code Accept: application/json} (many HTTP libraries' default) went to the licence
 * {@code /{id}} beside it, which answered "the parameter id must be a whole number".
 */
@Configuration(proxyBeanMethods = false)
class CsvAccepted implements WebMvcConfigurer {

    static final MediaType TEXT_CSV = MediaType.parseMediaType(CsvResponse.TEXT_CSV);

    private static final HeaderContentNegotiationStrategy ACCEPT = new HeaderContentNegotiationStrategy();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Check()).addPathPatterns("/api/v1/**");
    }

    private static final class Check implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws HttpMediaTypeNotAcceptableException {
            if (handler instanceof HandlerMethod method
                    && method.hasMethodAnnotation(CsvResponse.class)
                    && !acceptsCsv(request)) {
                throw new HttpMediaTypeNotAcceptableException(List.of(TEXT_CSV));
            }
            return true;
        }

        /** Whether a type the request accepts (not at q=0, RFC 9110) takes text/csv: none sent is {@code *}/{@code *}. */
        private static boolean acceptsCsv(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
            return ACCEPT.resolveMediaTypes(new ServletWebRequest(request)).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && type.includes(TEXT_CSV));
        }
    }
}

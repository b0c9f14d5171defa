package io.licencedesk.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter no operation of the API takes is refused (400 {@code bad-parameter}, naming it and the ones the
 * operation takes) rather than ignored: {@code ?state=paused} listed every licence, as if the filter had worked.
 * What an operation takes is read from its handler's {@code @RequestParam}s, the same declarations the OpenAPI
 * document is made from, so no list is kept by hand. Only {@code /api/v1}: browsers and htmx add parameters to the
 * pages' requests. A request without a query string (every device check-in) is not looked at.
 */
@Configuration(proxyBeanMethods = false)
class KnownQueryParameters implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Check()).addPathPatterns("/api/v1/**");
    }

    private static final class Check implements HandlerInterceptor {

        private final Map<HandlerMethod, Set<String>> accepted = new ConcurrentHashMap<>();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getQueryString() == null || !(handler instanceof HandlerMethod method)) {
                return true;
            }
            Set<String> known = accepted.computeIfAbsent(method, Check::requestParameters);
            if (known == null) {
                return true; // takes every parameter (a @RequestParam Map)
            }
            Set<String> sent;
            try {
                sent = request.getParameterMap().keySet();
            } catch (IllegalStateException undecodable) {
                throw ApiParameters.invalid(
                        "query", "The query string cannot be decoded (check its percent-encoding).");
            }
            List<String> unknown =
                    sent.stream().filter(name -> !known.contains(name)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new ApiParameters.BadParameterException(unknown, detail(unknown, known));
            }
            refuseRepeated(request);
            return true;
        }

        /**
         * Every parameter of the API takes one value: {@code ?client=5&client=22} filtered by client 5 alone and
         * {@code ?q=lobby&q=menu} searched for "lobby,menu" (Spring joins a text's values with commas), both
         * answered as if right; refused as a field sent twice in a body is.
         */
        private static void refuseRepeated(HttpServletRequest request) {
            List<String> repeated = request.getParameterMap().entrySet().stream()
                    .filter(parameter -> parameter.getValue().length > 1)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            if (!repeated.isEmpty()) {
                String named = repeated.size() == 1
                        ? "The parameter " + repeated.get(0) + " is"
                        : "The parameters " + String.join(", ", repeated) + " are";
                throw new ApiParameters.BadParameterException(
                        repeated, named + " sent more than once: send each parameter once, with one value.");
            }
        }

        /** The names the handler binds with {@code @RequestParam}, or null when it takes them all. */
        private static Set<String> requestParameters(HandlerMethod method) {
            Set<String> names = new LinkedHashSet<>();
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param =
                        AnnotatedElementUtils.findMergedAnnotation(parameter.getParameter(), RequestParam.class);
                if (param == null) {
                    continue;
                }
                if (Map.class.isAssignableFrom(parameter.getParameterType())
                        && param.name().isEmpty()) {
                    return null;
                }
                names.add(param.name().isEmpty() ? parameter.getParameter().getName() : param.name());
            }
            return names;
        }

        private static String detail(List<String> unknown, Set<String> known) {
            String named = unknown.size() == 1
                    ? "The parameter " + unknown.get(0) + " is"
                    : "The parameters " + String.join(", ", unknown) + " are";
            if (known.isEmpty()) {
                return named + " not one this operation takes: it takes no query parameters.";
            }
            return named + " not one this operation takes: use " + String.join(", ", known) + ".";
        }
    }
}

package io.licencedesk.api;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.UndecodableQuery;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
        private final Map<HandlerMethod, Map<String, Values>> values = new ConcurrentHashMap<>();

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
                // The device API's (UnreadableParameters answers the others' before they get here), in its words.
                UndecodableQuery fault = UndecodableQuery.in(request.getQueryString());
                throw ApiParameters.invalid(fault.field(), fault.detail());
            }
            List<String> unknown =
                    sent.stream().filter(name -> !known.contains(name)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new ApiParameters.BadParameterException(unknown, detail(unknown, known));
            }
            refuseRepeated(request);
            refuseValuesNotTaken(request, values.computeIfAbsent(method, Check::valuesTaken));
            return true;
        }

        /**
         * A value outside its parameter's list, or an empty one where Spring would have read the default: {@code
         * ?sort=} listed newest first and {@code ?expired=} every licence, as if asked for, while {@code ?status=}
         * was refused. Every enumerated, yes/no, number and cursor parameter of every operation is checked here, from
         * the same declarations the OpenAPI document shows (decisions 0096, 0101), rather than by each handler.
         */
        private static void refuseValuesNotTaken(HttpServletRequest request, Map<String, Values> taken) {
            for (var parameter : request.getParameterMap().entrySet()) {
                Values kind = taken.get(parameter.getKey());
                String value = parameter.getValue()[0];
                if (kind != null && !kind.takes(value)) {
                    throw ApiParameters.invalid(parameter.getKey(), kind.refusal(parameter.getKey()));
                }
            }
        }

        /** What each enumerated, yes/no, number or cursor parameter of the handler takes; text takes anything. */
        private static Map<String, Values> valuesTaken(HandlerMethod method) {
            Map<String, Values> taken = new HashMap<>();
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param =
                        AnnotatedElementUtils.findMergedAnnotation(parameter.getParameter(), RequestParam.class);
                if (param == null) {
                    continue;
                }
                String name = param.name().isEmpty() ? parameter.getParameter().getName() : param.name();
                Values values = Values.of(parameter);
                if (values != null) {
                    taken.put(name, values);
                }
            }
            return taken;
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

    /**
     * The values a query parameter takes: one of a list (its OpenAPI {@code allowableValues}, in any case, a
     * hyphen read as an underscore: {@code not-void}), true or false in any case, a whole number, or any text but
     * none (its OpenAPI {@code minLength}: a cursor, where {@code ?after=} read as no cursor answered the first page
     * as if asked for, decision 0101). An empty value is none of them.
     */
    record Values(Kind kind, List<String> allowed) {

        enum Kind {
            ONE_OF,
            YES_NO,
            WHOLE_NUMBER,
            NOT_EMPTY
        }

        static Values of(MethodParameter parameter) {
            Class<?> type = parameter.getParameterType();
            if (type == boolean.class || type == Boolean.class) {
                return new Values(Kind.YES_NO, List.of());
            }
            if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
                return new Values(Kind.WHOLE_NUMBER, List.of());
            }
            // Also through an annotation of ours that carries it (CursorParameters), as springdoc reads it.
            Parameter documented = AnnotatedElementUtils.findMergedAnnotation(
                    AnnotatedElementUtils.forAnnotations(parameter.getParameterAnnotations()), Parameter.class);
            if (documented != null && documented.schema().allowableValues().length > 0) {
                return new Values(Kind.ONE_OF, List.of(documented.schema().allowableValues()));
            }
            if (documented != null && documented.schema().minLength() > 0) {
                return new Values(Kind.NOT_EMPTY, List.of());
            }
            return null;
        }

        boolean takes(String value) {
            return switch (kind) {
                case YES_NO -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
                // a number's other faults are its conversion's (RestApiProblems), a cursor's its list's
                case WHOLE_NUMBER, NOT_EMPTY -> !value.isBlank();
                case ONE_OF -> allowed.contains(value.toLowerCase(Locale.ROOT).replace('-', '_'));
            };
        }

        Reason refusal(String name) {
            return switch (kind) {
                case YES_NO -> Reason.of("reason.api.parameterTrueOrFalse", name);
                case WHOLE_NUMBER -> Reason.of("reason.api.parameterWholeNumber", name);
                case NOT_EMPTY -> Reason.of("reason.api.parameterEmpty", name);
                case ONE_OF -> Reason.of("reason.api.parameterNotOneOf", name, String.join(", ", allowed));
            };
        }
    }
}

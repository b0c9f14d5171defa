package io.licencedesk.api;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body sent to an operation that takes none (pause, resume, renew, invite, …) is refused as an unknown field of a
 * body is ({@code malformed-body}, naming the fields), rather than ignored: {@code {"reason": "x"}} sent to pause
 * was dropped, as if the reason had been kept. No body, an empty one, {@code {}} or {@code null} are still taken.
 * What takes no body is read from the handler (no {@code @RequestBody}, no part, no raw request), so no list is
 * kept by hand. Only the REST API's controllers: a screen's firmware may send fields a later one adds.
 */
@Configuration(proxyBeanMethods = false)
class BodilessOperations implements WebMvcConfigurer {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Check()).addPathPatterns("/api/v1/**");
    }

    /** A body an operation that takes none was sent: its fields, or none when it is not a JSON object. */
    static final class BodyNotTakenException extends RuntimeException {

        private final List<String> fields;

        BodyNotTakenException(List<String> fields, String detail) {
            super(detail);
            this.fields = List.copyOf(fields);
        }

        List<String> fields() {
            return fields;
        }
    }

    private static final class Check implements HandlerInterceptor {

        private final Map<HandlerMethod, Boolean> bodiless = new ConcurrentHashMap<>();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            if (!WRITES.contains(request.getMethod())
                    || !(handler instanceof HandlerMethod method)
                    || !bodiless.computeIfAbsent(method, Check::takesNoBody)) {
                return true;
            }
            // The body is at most the REST API's limit (ApiRequestFilters), and nothing else reads it.
            byte[] body = request.getInputStream().readAllBytes();
            if (body.length == 0) {
                return true;
            }
            JsonNode sent;
            try {
                sent = JSON.readTree(body);
            } catch (JacksonException notJson) {
                throw notTaken(List.of());
            }
            if (sent == null || sent.isMissingNode() || sent.isNull() || (sent.isObject() && sent.isEmpty())) {
                return true;
            }
            List<String> fields = new ArrayList<>();
            if (sent.isObject()) {
                sent.propertyNames().forEach(fields::add);
            }
            throw notTaken(fields);
        }

        private static BodyNotTakenException notTaken(List<String> fields) {
            if (fields.isEmpty()) {
                return new BodyNotTakenException(fields, "This operation takes no body: send none, or {}.");
            }
            // The words of an unknown field of a body (UnreadableBody), for each field sent.
            String detail = fields.size() == 1
                    ? "This operation does not take the field %s.".formatted(fields.get(0))
                    : "This operation does not take the fields %s.".formatted(String.join(", ", fields));
            return new BodyNotTakenException(fields, detail);
        }

        private static boolean takesNoBody(HandlerMethod method) {
            if (!AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestApi.class)) {
                return false;
            }
            for (MethodParameter parameter : method.getMethodParameters()) {
                Class<?> type = parameter.getParameterType();
                if (parameter.hasParameterAnnotation(RequestBody.class)
                        || parameter.hasParameterAnnotation(RequestPart.class)
                        || ServletRequest.class.isAssignableFrom(type)
                        || InputStream.class.isAssignableFrom(type)
                        || MultipartFile.class.isAssignableFrom(type)) {
                    return false;
                }
            }
            return true;
        }
    }
}

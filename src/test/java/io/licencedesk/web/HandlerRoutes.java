package io.licencedesk.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.BeanUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Every route of the application as Spring MVC's handler mappings know it, with the inputs its handler reads: shared
 * by the tests that send bad input to every route (HostileInputIntegrationTests, BadInputPropertyPostgresTests), so
 * that a new route is swept by both.
 */
final class HandlerRoutes {

    private HandlerRoutes() {}

    /** What a stack trace, an exception's name or Boot's default error page leave in a body. */
    static final List<String> TRACES =
            List.of("Exception", "Whitelabel", "at io.licencedesk", "at java.", "at org.springframework", "Caused by:");

    static final Pattern VARIABLE = Pattern.compile("\\{\\*?(\\w+)(?::[^}]*)?}");

    /**
     * A parameter, form field or header the handler reads; required ones get a plausible value in every request. A
     * form field knows the longest value its form accepts.
     */
    record Input(boolean header, String name, Class<?> type, boolean required, int maxLength) {
        Input(boolean header, String name, Class<?> type, boolean required) {
            this(header, name, type, required, -1);
        }
    }

    record Route(HttpMethod method, String pattern, List<Input> inputs, Class<?> body) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Every handler method of every pattern and HTTP method, then Spring Security's own sign-in and sign-out. */
    static List<Route> of(ApplicationContext context) {
        // A set: Boot's error controller has one handler method for pages and one for JSON, the same route to sweep.
        var routes = new LinkedHashSet<Route>();
        for (var mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method :
                            methods.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                        routes.add(new Route(method.asHttpMethod(), pattern, inputs(handler), body(handler)));
                    }
                }
            });
        }
        routes.add(new Route(
                HttpMethod.POST,
                "/login",
                List.of(
                        new Input(false, "email", String.class, true),
                        new Input(false, "password", String.class, true)),
                null));
        routes.add(new Route(HttpMethod.POST, "/logout", List.of(), null));
        // Deleting and removing go last, so that the other routes still find what they would delete.
        return routes.stream()
                .sorted(Comparator.comparing((Route route) -> route.pattern().matches(".*/(delete|remove)$"))
                        .thenComparing(Route::toString))
                .toList();
    }

    static List<Input> inputs(HandlerMethod handler) {
        var inputs = new ArrayList<Input>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            var param = parameter.getParameterAnnotation(RequestParam.class);
            var header = parameter.getParameterAnnotation(RequestHeader.class);
            if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                inputs.add(new Input(
                        false,
                        name(param.name(), param.value(), parameter),
                        parameter.getParameterType(),
                        param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)));
            } else if (header != null) {
                inputs.add(new Input(
                        true,
                        name(header.name(), header.value(), parameter),
                        parameter.getParameterType(),
                        header.required() && header.defaultValue().equals(ValueConstants.DEFAULT_NONE)));
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
                inputs.addAll(fields(parameter.getParameterType()));
            }
        }
        return inputs;
    }

    static String name(String name, String value, MethodParameter parameter) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : parameter.getParameterName();
    }

    static List<Input> fields(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents())
                    .map(component -> new Input(
                            false, component.getName(), component.getType(), required(component), maxLength(component)))
                    .toList();
        }
        return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
                .filter(property -> property.getWriteMethod() != null)
                .map((PropertyDescriptor property) ->
                        new Input(false, property.getName(), property.getPropertyType(), false))
                .toList();
    }

    static boolean required(RecordComponent component) {
        return Arrays.stream(component.getAccessor().getAnnotations())
                .anyMatch(annotation -> annotation instanceof NotNull
                        || annotation instanceof NotBlank
                        || annotation instanceof NotEmpty);
    }

    /** The largest length the form accepts ({@code @Size}), or -1 when it says none. */
    static int maxLength(RecordComponent component) {
        Size size = component.getAccessor().getAnnotation(Size.class);
        return size == null ? -1 : size.max();
    }

    static Class<?> body(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .<Class<?>>map(MethodParameter::getParameterType)
                .findFirst()
                .orElse(null);
    }

    static String path(Route route, Map<String, String> values) {
        Matcher variable = VARIABLE.matcher(route.pattern().replace("**", "x").replace("*", "x"));
        var expanded = new StringBuilder();
        while (variable.find()) {
            String value = UriUtils.encodePathSegment(values.get(variable.group(1)), StandardCharsets.UTF_8);
            variable.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(expanded).toString();
    }

    static List<String> variables(String pattern) {
        return VARIABLE.matcher(pattern).results().map(match -> match.group(1)).toList();
    }
}

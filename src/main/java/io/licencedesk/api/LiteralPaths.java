package io.licencedesk.api;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The REST API's addresses without a variable ({@code /api/v1/licences/export}, {@code /api/v1/invoices/send}) and
 * the methods each takes, read from the controllers' mappings. Such an address sits beside a {@code /{id}} of the
 * same list, which Spring chooses for a method the address does not take: {@code GET /api/v1/invoices/send} was told
 * "the parameter id must be a whole number". {@link RestApiProblems} answers it as the 405 it is.
 */
@Component
class LiteralPaths {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile Map<String, Set<String>> methods;

    LiteralPaths(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The methods this address takes, when it is one of the API's addresses without a variable; none otherwise. */
    Set<String> methods(String path) {
        return methods().getOrDefault(path, Set.of());
    }

    private Map<String, Set<String>> methods() {
        Map<String, Set<String>> known = methods;
        if (known == null) {
            known = new HashMap<>();
            for (var entry : mappings.getObject().getHandlerMethods().entrySet()) {
                if (!AnnotatedElementUtils.hasAnnotation(entry.getValue().getBeanType(), RestApi.class)) {
                    continue;
                }
                for (String pattern : entry.getKey().getPatternValues()) {
                    if (!pattern.contains("{")) {
                        for (RequestMethod method :
                                entry.getKey().getMethodsCondition().getMethods()) {
                            known.computeIfAbsent(pattern, any -> new TreeSet<>())
                                    .add(method.name());
                        }
                    }
                }
            }
            known.replaceAll((path, taken) -> Collections.unmodifiableSet(taken));
            methods = known;
        }
        return known;
    }
}

package io.licencedesk.web;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The addresses of the pages (console, portal, sign-in, documentation, static files, operations) and the methods each
 * takes, read from the handler mappings, as {@code ApiAddresses} does for the API (decision 0151): what a 405 of the
 * container says in {@code Allow} (Tomcat named its servlet's methods for TRACE, {@code HEAD, DELETE, POST, GET,
 * OPTIONS, PUT}, wherever it was sent), and whether an id that cannot be read sits on an address of its own taken with
 * another method ({@code GET /licences/selection} meets {@code GET /licences/{id}}).
 */
@Component
class PageAddresses {

    /** Spring Security's own addresses, taken by its filters rather than by a handler. */
    private static final Map<String, Set<String>> SECURITY =
            Map.of("/login", Set.of("POST"), "/logout", Set.of("POST"));

    private final ApplicationContext context;
    private volatile HandlerAddresses addresses;

    PageAddresses(ApplicationContext context) {
        this.context = context;
    }

    /** The methods of the mappings of this address without a variable; none when it has none. */
    Set<String> literalMethods(String path) {
        return addresses().literalMethods(path);
    }

    /** {@code Allow}'s value for {@code path} (as sent, without the query), or null when nothing serves it. */
    String allow(String path) {
        Set<String> taken = addresses().methods(path);
        return taken.isEmpty() ? null : HandlerAddresses.allow(taken);
    }

    private HandlerAddresses addresses() {
        HandlerAddresses known = addresses;
        if (known == null) {
            var found = HandlerAddresses.builder();
            for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                    .values()) {
                for (var info : mapping.getHandlerMethods().keySet()) {
                    Set<String> methods = info.getMethodsCondition().getMethods().stream()
                            .map(RequestMethod::name)
                            .collect(Collectors.toSet());
                    for (String pattern : info.getPatternValues()) {
                        // The error page takes any method; it is no address of its own.
                        if (!methods.isEmpty() && !pattern.startsWith("/api/")) {
                            found.add(pattern, methods);
                        }
                    }
                }
            }
            for (var mapping :
                    context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
                mapping.getHandlerMap().keySet().forEach(pattern -> found.add(pattern, Set.of("GET")));
                mapping.getPathPatternHandlerMap()
                        .keySet()
                        .forEach(pattern -> found.add(pattern.getPatternString(), Set.of("GET")));
            }
            SECURITY.forEach(found::add);
            known = found.build();
            addresses = known;
        }
        return known;
    }
}

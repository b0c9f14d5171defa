package io.licencedesk.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The addresses of the pages (console, portal, sign-in, documentation, static files, operations) and the methods each
 * takes, read from the handler mappings, as {@code ApiAddresses} does for the API (decision 0151): what a 405 of the
 * container says in {@code Allow} (Tomcat named its servlet's methods for TRACE, {@code HEAD, DELETE, POST, GET,
 * OPTIONS, PUT}, wherever it was sent), and whether an id that cannot be read sits on an address of its own taken with
 * another method ({@code GET /licences/selection} meets {@code GET /licences/{id}}).
 */
@Component
class PageAddresses {

    /** The order {@code Allow} lists methods in, as the API's. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** Spring Security's own addresses, taken by its filters rather than by a handler. */
    private static final Map<String, Set<String>> SECURITY =
            Map.of("/login", Set.of("POST"), "/logout", Set.of("POST"));

    private final ApplicationContext context;
    private volatile List<Address> addresses;

    PageAddresses(ApplicationContext context) {
        this.context = context;
    }

    private record Address(PathPattern pattern, boolean literal, Set<String> methods) {}

    /** The methods of the mappings of this address without a variable; none when it has none. */
    Set<String> literalMethods(String path) {
        return addresses().stream()
                .filter(address -> address.literal()
                        && address.pattern().getPatternString().equals(path))
                .flatMap(address -> address.methods().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code Allow}'s value for {@code path} (as sent, without the query), or null when nothing serves it. */
    String allow(String path) {
        Set<String> taken = literalMethods(path);
        if (taken.isEmpty()) {
            PathContainer read = PathContainer.parsePath(path);
            addresses().stream()
                    .filter(address -> address.pattern().matches(read))
                    .forEach(address -> taken.addAll(address.methods()));
        }
        if (taken.isEmpty()) {
            return null;
        }
        return ORDER.stream()
                .filter(method -> taken.contains(method)
                        || method.equals("OPTIONS")
                        || (method.equals("HEAD") && taken.contains("GET")))
                .collect(Collectors.joining(","));
    }

    private List<Address> addresses() {
        List<Address> known = addresses;
        if (known == null) {
            List<Address> found = new ArrayList<>();
            for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                    .values()) {
                for (var info : mapping.getHandlerMethods().keySet()) {
                    Set<String> methods = info.getMethodsCondition().getMethods().stream()
                            .map(RequestMethod::name)
                            .collect(Collectors.toSet());
                    for (String pattern : info.getPatternValues()) {
                        // The error page takes any method; it is no address of its own.
                        if (!methods.isEmpty() && !pattern.startsWith("/api/")) {
                            found.add(address(pattern, methods));
                        }
                    }
                }
            }
            for (var mapping :
                    context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
                mapping.getHandlerMap().keySet().forEach(pattern -> found.add(address(pattern, Set.of("GET"))));
                mapping.getPathPatternHandlerMap()
                        .keySet()
                        .forEach(pattern -> found.add(address(pattern.getPatternString(), Set.of("GET"))));
            }
            SECURITY.forEach((pattern, methods) -> found.add(address(pattern, methods)));
            known = Collections.unmodifiableList(found);
            addresses = known;
        }
        return known;
    }

    private static Address address(String pattern, Set<String> methods) {
        boolean literal = !pattern.contains("{") && !pattern.contains("*");
        return new Address(PathPatternParser.defaultInstance.parse(pattern), literal, Set.copyOf(methods));
    }
}

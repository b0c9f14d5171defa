package io.licencedesk.api;

import io.licencedesk.web.ApiAddressMethods;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API's addresses and the methods each takes, read from the controllers' mappings: what {@code OPTIONS} answers
 * in {@code Allow}, and what a 405 says there, whichever layer refused the method (the API, Spring Security's
 * firewall or Tomcat).
 *
 * <p>An address without a variable ({@code /api/v1/licences/export}, {@code /api/v1/invoices/send}) sits beside a
 * {@code /{id}} of the same list, which Spring chooses for a method the address does not take: {@code GET
 * /api/v1/invoices/send} was told "the parameter id must be a whole number", and its {@code OPTIONS} named GET, PATCH
 * and DELETE. Such an address takes only its own methods; {@link RestApiProblems} answers the others as the 405 they
 * are.
 */
@Component
class ApiAddresses implements ApiAddressMethods {

    /** The order {@code Allow} lists methods in, so that every address's answer reads the same way. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<Address> addresses;

    ApiAddresses(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** One path pattern of the API and the methods one mapping takes there. */
    private record Address(PathPattern pattern, boolean literal, Set<String> methods) {}

    /** The methods this address takes, when it is one of the API's addresses without a variable; none otherwise. */
    Set<String> literalMethods(String path) {
        return addresses().stream()
                .filter(address -> address.literal()
                        && address.pattern().getPatternString().equals(path))
                .flatMap(address -> address.methods().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The methods {@code path} takes: those of its own mappings if it is an address without a variable, else those of
     * every pattern it matches; empty when no address of the API is {@code path}.
     */
    Set<String> methods(String path) {
        Set<String> literal = literalMethods(path);
        if (!literal.isEmpty()) {
            return literal;
        }
        PathContainer read = PathContainer.parsePath(path);
        return addresses().stream()
                .filter(address -> address.pattern().matches(read))
                .flatMap(address -> address.methods().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public Optional<String> allow(String path) {
        Set<String> taken = methods(path);
        return taken.isEmpty() ? Optional.empty() : Optional.of(allow(taken));
    }

    /** {@code Allow}'s value for these methods: HEAD wherever GET is, and OPTIONS everywhere. */
    static String allow(Set<String> taken) {
        return ORDER.stream()
                .filter(method -> taken.contains(method)
                        || method.equals("OPTIONS")
                        || (method.equals("HEAD") && taken.contains("GET")))
                .collect(Collectors.joining(","));
    }

    private List<Address> addresses() {
        List<Address> known = addresses;
        if (known == null) {
            known = new ArrayList<>();
            for (var mapping : mappings.getObject().getHandlerMethods().keySet()) {
                Set<String> methods = mapping.getMethodsCondition().getMethods().stream()
                        .map(RequestMethod::name)
                        .collect(Collectors.toUnmodifiableSet());
                for (String pattern : mapping.getPatternValues()) {
                    if (pattern.startsWith("/api/")) {
                        // A mapping without methods takes any: the API has none, and Allow could not list them.
                        boolean literal = !pattern.contains("{") && !pattern.contains("*");
                        known.add(new Address(PathPatternParser.defaultInstance.parse(pattern), literal, methods));
                    }
                }
            }
            known = Collections.unmodifiableList(known);
            addresses = known;
        }
        return known;
    }
}

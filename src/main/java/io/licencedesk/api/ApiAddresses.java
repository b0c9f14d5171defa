package io.licencedesk.api;

import io.licencedesk.web.ApiAddressMethods;
import io.licencedesk.web.HandlerAddresses;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile HandlerAddresses addresses;

    ApiAddresses(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The methods this address takes, when it is one of the API's addresses without a variable; none otherwise. */
    Set<String> literalMethods(String path) {
        return addresses().literalMethods(path);
    }

    /**
     * The methods {@code path} takes: those of its own mappings if it is an address without a variable, else those of
     * every pattern it matches; empty when no address of the API is {@code path}.
     */
    Set<String> methods(String path) {
        return addresses().methods(path);
    }

    @Override
    public Optional<String> allow(String path) {
        Set<String> taken = methods(path);
        return taken.isEmpty() ? Optional.empty() : Optional.of(allow(taken));
    }

    /** {@code Allow}'s value for these methods: HEAD wherever GET is, and OPTIONS everywhere. */
    static String allow(Set<String> taken) {
        return HandlerAddresses.allow(taken);
    }

    private HandlerAddresses addresses() {
        HandlerAddresses known = addresses;
        if (known == null) {
            var found = HandlerAddresses.builder();
            for (var mapping : mappings.getObject().getHandlerMethods().keySet()) {
                Set<String> methods = mapping.getMethodsCondition().getMethods().stream()
                        .map(RequestMethod::name)
                        .collect(Collectors.toUnmodifiableSet());
                for (String pattern : mapping.getPatternValues()) {
                    if (pattern.startsWith("/api/")) {
                        // A mapping without methods takes any: the API has none, and Allow could not list them.
                        found.add(pattern, methods);
                    }
                }
            }
            known = found.build();
            addresses = known;
        }
        return known;
    }
}

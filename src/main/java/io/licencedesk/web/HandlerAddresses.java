package io.licencedesk.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Addresses read from the handler mappings and the methods each takes: one reading for the pages' ({@link
 * PageAddresses}) and the API's ({@code ApiAddresses}), which choose their mappings, so that an address's
 * {@code Allow} is worked out one way wherever a 405 or an {@code OPTIONS} says it (decisions 0104, 0151).
 */
public final class HandlerAddresses {

    /** The order {@code Allow} lists methods in, so that every address's answer reads the same way. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** One path pattern and the methods one mapping takes there. */
    private record Address(PathPattern pattern, boolean literal, Set<String> methods) {}

    private final List<Address> addresses;

    private HandlerAddresses(List<Address> addresses) {
        this.addresses = Collections.unmodifiableList(addresses);
    }

    /** Collects the mappings' patterns; {@link #build()} gives the addresses, read-only. */
    public static final class Builder {

        private final List<Address> found = new ArrayList<>();

        /** A pattern and the methods its mapping takes (none: it takes any, and is left out of every answer). */
        public Builder add(String pattern, Set<String> methods) {
            boolean literal = !pattern.contains("{") && !pattern.contains("*");
            found.add(new Address(PathPatternParser.defaultInstance.parse(pattern), literal, Set.copyOf(methods)));
            return this;
        }

        public HandlerAddresses build() {
            return new HandlerAddresses(new ArrayList<>(found));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The methods of the mappings of this address without a variable; none when it is no such address. */
    public Set<String> literalMethods(String path) {
        return addresses.stream()
                .filter(address -> address.literal()
                        && address.pattern().getPatternString().equals(path))
                .flatMap(address -> address.methods().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The methods {@code path} takes: those of its own mappings if it is an address without a variable, else those of
     * every pattern it matches; none when nothing serves it.
     */
    public Set<String> methods(String path) {
        Set<String> literal = literalMethods(path);
        if (!literal.isEmpty()) {
            return literal;
        }
        PathContainer read = PathContainer.parsePath(path);
        return addresses.stream()
                .filter(address -> address.pattern().matches(read))
                .flatMap(address -> address.methods().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code Allow}'s value for these methods: HEAD wherever GET is, and OPTIONS everywhere. */
    public static String allow(Set<String> taken) {
        return ORDER.stream()
                .filter(method -> taken.contains(method)
                        || method.equals("OPTIONS")
                        || (method.equals("HEAD") && taken.contains("GET")))
                .collect(Collectors.joining(","));
    }
}

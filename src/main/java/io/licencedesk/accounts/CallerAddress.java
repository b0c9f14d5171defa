package io.licencedesk.accounts;

/**
 * The IP address of the request being served, as the web channel determined it (behind a proxy, only from the
 * proxies it trusts: decision 0033), so that a recorded change says where it came from (decision 0051). A filter of
 * the web channel sets it for the request's thread, where the request's changes are made and recorded. Work the
 * system does by itself (scheduled jobs, background imports, e-mail delivery) runs on threads of its own, where it
 * is null.
 */
public final class CallerAddress {

    /** The longest address kept: an IPv6 address with a zone fits. */
    public static final int MAX_LENGTH = 64;

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CallerAddress() {}

    /** The address of the request this thread serves, or null when it serves none. */
    public static String current() {
        return CURRENT.get();
    }

    /** Sets this thread's address until the scope closes, when the one it had before comes back. */
    public static Scope of(String address) {
        String previous = CURRENT.get();
        CURRENT.set(address == null || address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The time a request's address is set: try-with-resources, which closes it however the request ends. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}

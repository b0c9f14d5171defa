package io.licencedesk.console;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The licences picked for invoicing, kept in the (database-backed) session so that the selection
 * survives paging, filtering and searching. Written back on every change so the session store sees it.
 */
final class LicenceSelection {

    private static final String ATTRIBUTE = "licenceSelection";

    private LicenceSelection() {}

    @SuppressWarnings("unchecked")
    static Set<Long> of(HttpSession session) {
        Object stored = session.getAttribute(ATTRIBUTE);
        return stored instanceof LinkedHashSet<?> ids ? new LinkedHashSet<>((Set<Long>) ids) : new LinkedHashSet<>();
    }

    static void save(HttpSession session, Set<Long> ids) {
        session.setAttribute(ATTRIBUTE, new LinkedHashSet<>(ids));
    }

    static void clear(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }
}

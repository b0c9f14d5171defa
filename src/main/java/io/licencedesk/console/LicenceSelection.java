package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicenceNotFoundException;
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

    /**
     * The selection that the toolbar counts and a bulk action confirms: a licence made Available since it was
     * selected (its client removed here or in another session) is dropped from it, as the toolbar already leaves
     * it out, so that "Pause 4 selected licences?" pauses four. A licence deleted meanwhile stays, for the action
     * to report as deleted (decision 0098).
     */
    static Set<Long> selectable(HttpSession session, Caller caller, LicenceManagement licences) {
        Set<Long> selected = of(session);
        Set<Long> withClient = licences.billableAmounts(caller, selected).keySet();
        if (withClient.containsAll(selected)) {
            return selected;
        }
        selected.removeIf(id -> !withClient.contains(id) && exists(caller, id, licences));
        save(session, selected);
        return selected;
    }

    private static boolean exists(Caller caller, long id, LicenceManagement licences) {
        try {
            licences.details(caller, id);
            return true;
        } catch (LicenceNotFoundException deleted) {
            return false;
        }
    }

    static void save(HttpSession session, Set<Long> ids) {
        session.setAttribute(ATTRIBUTE, new LinkedHashSet<>(ids));
    }

    static void clear(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }
}

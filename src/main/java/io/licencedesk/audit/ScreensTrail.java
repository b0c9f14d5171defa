package io.licencedesk.audit;

import io.licencedesk.devices.ScreenActivated;
import io.licencedesk.devices.ScreenEvent;
import io.licencedesk.devices.ScreenRegistered;
import io.licencedesk.devices.ScreenRemoved;
import io.licencedesk.devices.ScreenRenamed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what happens to a licence's screens on the licence, in the transaction of the change, so that they are in
 * its history and found in the log by its name or code: registered, renamed or removed by its client (or removed with
 * the licence by the staff member who deleted it), a seat taken by a device (no person: the pages say "a screen").
 * The state is the screen's name, with its id for programs (the REST API's history; the pages hide ids).
 */
@Component
class ScreensTrail {

    /** The action each screen event is recorded as; kept rows bear these names, so they never change. */
    static final Map<Class<? extends ScreenEvent>, String> SCREEN_ACTIONS = Map.of(
            ScreenRegistered.class, "SCREEN_REGISTERED",
            ScreenRenamed.class, "SCREEN_RENAMED",
            ScreenRemoved.class, "SCREEN_REMOVED",
            ScreenActivated.class, "SCREEN_ACTIVATED");

    private final AuditEntries entries;

    ScreensTrail(AuditEntries entries) {
        this.entries = entries;
    }

    @EventListener
    void on(ScreenEvent change) {
        String name = change.screen().name();
        Map<String, Object> before = null;
        if (change instanceof ScreenRenamed renamed) {
            before = state(renamed.nameBefore(), change);
        } else if (change instanceof ScreenRemoved) {
            before = state(name, change);
        }
        Map<String, Object> after = change instanceof ScreenRemoved ? null : state(name, change);
        entries.add(new NewEntry(
                change.organisationId(),
                AuditSubject.LICENCE,
                change.licence().id(),
                change.licence().name() + " (" + change.licence().couponCode() + ")",
                SCREEN_ACTIONS.get(change.getClass()),
                change.actorId(),
                change.actorEmail(),
                change.occurredAt(),
                before,
                after));
    }

    private static Map<String, Object> state(String name, ScreenEvent change) {
        var state = new LinkedHashMap<String, Object>();
        state.put("screen", name);
        state.put("screenId", change.screen().id());
        return state;
    }
}

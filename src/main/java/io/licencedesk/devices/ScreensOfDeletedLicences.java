package io.licencedesk.devices;

import io.licencedesk.licence.LicenceDeleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Only a licence nobody used can be deleted, but its client may have registered screens on it that no device took:
 * the database deletes them with the licence. Each is told as removed, by whoever deleted the licence, in that
 * transaction and before the row goes (the licence is published deleted while it is still there), so that the audit
 * log and a webhook receiver counting screens see them go (decision 0126).
 */
@Component
class ScreensOfDeletedLicences {

    private final ScreenRepository screens;
    private final LastCheckIns lastCheckIns;
    private final ApplicationEventPublisher events;

    ScreensOfDeletedLicences(ScreenRepository screens, LastCheckIns lastCheckIns, ApplicationEventPublisher events) {
        this.screens = screens;
        this.lastCheckIns = lastCheckIns;
        this.events = events;
    }

    @EventListener
    void on(LicenceDeleted deleted) {
        var licence = new ScreenLicence(
                deleted.licenceId(),
                String.valueOf(deleted.before().get("name")),
                String.valueOf(deleted.before().get("couponCode")));
        for (Screen screen : screens.live(deleted.licenceId())) {
            events.publishEvent(new ScreenRemoved(
                    deleted.organisationId(),
                    licence,
                    lastCheckIns.overlay(screen),
                    deleted.actorId(),
                    deleted.actorEmail(),
                    deleted.occurredAt()));
        }
    }
}

package io.licencedesk.licence;

import java.time.LocalDate;

/** Where a licence is in its life; derived from its dates and flags, see {@link Licence#status}. */
public enum LifecycleStatus {
    AVAILABLE("Available"),
    ASSIGNED("Assigned"),
    ACTIVE("Active"),
    PAUSED("Paused"),
    EXPIRED("Expired");

    private final String label;

    LifecycleStatus(String label) {
        this.label = label;
    }

    /**
     * The status of a licence with these fields on the given day, for readers outside this module that
     * load licence rows themselves (the device check-in); the rule is {@link LicenceState#statusOf}.
     */
    public static LifecycleStatus of(
            Long clientId, boolean paused, LocalDate activatedOn, LocalDate endsOn, LocalDate today) {
        return LicenceState.statusOf(clientId, paused, activatedOn, endsOn, today);
    }

    public String label() {
        return label;
    }
}

package io.licencedesk.licence;

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

    public String label() {
        return label;
    }
}

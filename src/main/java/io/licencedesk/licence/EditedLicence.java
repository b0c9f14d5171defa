package io.licencedesk.licence;

/**
 * What an account manager may change on a licence, as it should become: a null client makes it Available.
 * {@link LicenceManagement#edit} hands the current values to the change, so a channel that changes only some
 * fields (the REST API's PATCH) starts from the licence as it is under the lock.
 */
public record EditedLicence(String name, String note, int quantity, long planId, Long clientId) {

    /**
     * Whether these values would change a licence that has {@code current} (its own values): an edit that would not
     * records nothing, and the channels say that nothing changed.
     */
    public boolean changes(EditedLicence current) {
        return !tidied().equals(current);
    }

    /** As the licence would keep it: name and note without surrounding blanks, a blank note none. */
    EditedLicence tidied() {
        return new EditedLicence(
                name == null ? null : name.strip(), Licence.stripToNull(note), quantity, planId, clientId);
    }

    public EditedLicence withName(String name) {
        return new EditedLicence(name, note, quantity, planId, clientId);
    }

    public EditedLicence withNote(String note) {
        return new EditedLicence(name, note, quantity, planId, clientId);
    }

    public EditedLicence withQuantity(int quantity) {
        return new EditedLicence(name, note, quantity, planId, clientId);
    }

    public EditedLicence withPlanId(long planId) {
        return new EditedLicence(name, note, quantity, planId, clientId);
    }

    public EditedLicence withClientId(Long clientId) {
        return new EditedLicence(name, note, quantity, planId, clientId);
    }
}

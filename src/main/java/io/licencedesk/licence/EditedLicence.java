package io.licencedesk.licence;

/**
 * What an account manager may change on a licence, as it should become: a null client makes it Available.
 * {@link LicenceManagement#edit} hands the current values to the change, so a channel that changes only some
 * fields (the REST API's PATCH) starts from the licence as it is under the lock.
 */
public record EditedLicence(String name, String note, int quantity, long planId, Long clientId) {

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

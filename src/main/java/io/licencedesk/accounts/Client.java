package io.licencedesk.accounts;

/** A client user of an organisation, to whom licences are assigned. */
public record Client(long id, String name, String email, String company) {

    /** How the client is shown in lists and drop-downs. */
    public String label() {
        return company == null || company.isBlank()
                ? name + " <" + email + ">"
                : name + " (" + company + ") <" + email + ">";
    }
}

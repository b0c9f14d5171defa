package io.licencedesk.accounts;

/** A client user of an organisation, to whom licences are assigned, with the details their invoices show. */
public record Client(long id, String name, String email, String company, String billingAddress, String vatNumber) {

    /** How the client is shown in lists and drop-downs. */
    public String label() {
        return company == null || company.isBlank()
                ? name + " <" + email + ">"
                : name + " (" + company + ") <" + email + ">";
    }
}

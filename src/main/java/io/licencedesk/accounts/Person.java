package io.licencedesk.accounts;

/**
 * A person of an organisation as the People page and the client pages show them: their role, whether they may sign
 * in (enabled) and whether they have chosen a password yet (an invited person has not).
 */
public record Person(long id, String name, String email, Role role, boolean enabled, boolean hasPassword) {

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    /** How the person is named in the audit log. */
    public String label() {
        return name + " <" + email + ">";
    }
}

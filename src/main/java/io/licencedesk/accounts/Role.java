package io.licencedesk.accounts;

/** What a signed-in user may do; owners and account managers use the console, clients the portal. */
public enum Role {
    OWNER,
    MANAGER,
    CLIENT;

    public boolean isStaff() {
        return this != CLIENT;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}

package io.licencedesk.accounts;

import java.io.Serializable;

/**
 * Who is asking: every façade call takes one, and every query is scoped by its organisation.
 * It is also the authenticated principal kept in the (database-backed) session.
 */
public record Caller(long userId, long organisationId, Role role, String email, String name) implements Serializable {

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    public boolean isClient() {
        return role == Role.CLIENT;
    }

    public boolean isStaff() {
        return role.isStaff();
    }
}

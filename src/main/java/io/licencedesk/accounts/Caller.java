package io.licencedesk.accounts;

import java.io.Serializable;

/**
 * Who is asking: every façade call takes one, and every query is scoped by its organisation.
 * It is also the authenticated principal kept in the (database-backed) session.
 */
public record Caller(long userId, long organisationId, Role role, String email, String name) implements Serializable {

    /**
     * The user id of the organisation acting by itself (the renewal cycle, the webhooks reading what they send): no
     * person's, and the audit trail records its changes without an actor (decisions 0051, 0168).
     */
    public static final long ORGANISATION_ITSELF = 0;

    /** The organisation itself, acting as staff through the façades: see {@link #ORGANISATION_ITSELF}. */
    public static Caller organisationItself(long organisationId, String email, String name) {
        return new Caller(ORGANISATION_ITSELF, organisationId, Role.MANAGER, email, name);
    }

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

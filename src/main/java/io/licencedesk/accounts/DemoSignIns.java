package io.licencedesk.accounts;

import java.util.List;

/**
 * The embedded demo's accounts, which the sign-in page lists for a newcomer who has not read the README (decision
 * 0119).
 */
public interface DemoSignIns {

    /**
     * The demo's accounts, owner first, on the embedded H2 database with the demo on and its owner still there; none
     * on PostgreSQL, where the demo is never seeded, nor once the demo is switched off.
     */
    List<DemoSignIn> offered();

    /**
     * One demo account of a role and its password; for the clients, the first and last of the numbered accounts that
     * share the password ({@code lastEmail} is null for the others).
     */
    record DemoSignIn(Role role, String email, String lastEmail, String password) {}
}

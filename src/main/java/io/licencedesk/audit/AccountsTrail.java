package io.licencedesk.audit;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.ApiToken;
import io.licencedesk.accounts.ApiTokenIssued;
import io.licencedesk.accounts.ApiTokenRevoked;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.ClientAdded;
import io.licencedesk.accounts.ClientEdited;
import io.licencedesk.accounts.ClientInvited;
import io.licencedesk.accounts.OrganisationSettingsChanged;
import io.licencedesk.accounts.PasswordChanged;
import io.licencedesk.accounts.PaymentSettingsChanged;
import io.licencedesk.accounts.Person;
import io.licencedesk.accounts.PersonChanged;
import io.licencedesk.accounts.RenewalSettingsChanged;
import io.licencedesk.accounts.SignInFailed;
import io.licencedesk.accounts.SignedIn;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the accounts module's changes, in their transactions: clients, the organisation's settings, API tokens,
 * sign-ins and passwords (never a password, a token's secret or its hash: the events do not carry them).
 */
@Component
class AccountsTrail {

    private final AuditEntries entries;
    private final AccountManagement accounts;

    AccountsTrail(AuditEntries entries, AccountManagement accounts) {
        this.accounts = accounts;
        this.entries = entries;
    }

    @EventListener
    void on(ClientAdded added) {
        var client = added.client();
        entries.add(
                added.actor(),
                AuditSubject.CLIENT,
                client.id(),
                client.label(),
                "ADDED",
                null,
                client,
                added.occurredAt());
    }

    @EventListener
    void on(ClientEdited edited) {
        var client = edited.after();
        entries.add(
                edited.actor(),
                AuditSubject.CLIENT,
                client.id(),
                client.label(),
                "EDITED",
                edited.before(),
                client,
                edited.occurredAt());
    }

    @EventListener
    void on(ClientInvited invited) {
        var client = invited.client();
        entries.add(
                invited.actor(),
                AuditSubject.CLIENT,
                client.id(),
                client.label(),
                "INVITED",
                null,
                null,
                invited.occurredAt());
    }

    @EventListener
    void on(OrganisationSettingsChanged changed) {
        Caller owner = changed.actor();
        entries.add(
                owner,
                AuditSubject.ORGANISATION,
                owner.organisationId(),
                changed.after().name(),
                "SETTINGS_CHANGED",
                changed.before(),
                changed.after(),
                changed.occurredAt());
    }

    @EventListener
    void on(RenewalSettingsChanged changed) {
        settings(changed.actor(), "RENEWAL_SETTINGS_CHANGED", changed.before(), changed.after(), changed.occurredAt());
    }

    @EventListener
    void on(PaymentSettingsChanged changed) {
        settings(changed.actor(), "PAYMENT_SETTINGS_CHANGED", changed.before(), changed.after(), changed.occurredAt());
    }

    /** A section of the settings other than the organisation's own, recorded on the organisation. */
    private void settings(Caller owner, String action, Object before, Object after, Instant occurredAt) {
        entries.add(
                owner,
                AuditSubject.ORGANISATION,
                owner.organisationId(),
                accounts.organisation(owner).name(),
                action,
                before,
                after,
                occurredAt);
    }

    @EventListener
    void on(ApiTokenIssued issued) {
        ApiToken token = issued.token();
        entries.add(
                issued.actor(),
                AuditSubject.API_TOKEN,
                token.id(),
                label(token),
                "ISSUED",
                null,
                token,
                issued.occurredAt());
    }

    @EventListener
    void on(ApiTokenRevoked revoked) {
        ApiToken token = revoked.after();
        entries.add(
                revoked.actor(),
                AuditSubject.API_TOKEN,
                token.id(),
                label(token),
                "REVOKED",
                revoked.before(),
                token,
                revoked.occurredAt());
    }

    @EventListener
    void on(SignedIn signedIn) {
        Caller user = signedIn.user();
        entries.add(
                user, AuditSubject.USER, user.userId(), user.email(), "SIGNED_IN", null, null, signedIn.occurredAt());
    }

    /** Who tried is not known, only the e-mail they typed: the actor is that e-mail, with no id. */
    @EventListener
    void on(SignInFailed failed) {
        entries.add(new NewEntry(
                failed.organisationId(),
                AuditSubject.USER,
                failed.userId(),
                failed.email(),
                "SIGN_IN_FAILED",
                null,
                failed.email(),
                failed.occurredAt(),
                null,
                Map.of("reason", failed.reason())));
    }

    /** A client's first password, chosen through the invitation's link, is their portal access starting. */
    @EventListener
    void on(PasswordChanged changed) {
        var user = new Caller(changed.userId(), changed.organisationId(), changed.role(), changed.email(), null);
        switch (changed.how()) {
            case INVITATION ->
                entries.add(
                        user,
                        changed.role().isStaff() ? AuditSubject.USER : AuditSubject.CLIENT,
                        user.userId(),
                        user.email(),
                        "ACTIVATED",
                        null,
                        null,
                        changed.occurredAt());
            case RESET ->
                entries.add(
                        user,
                        AuditSubject.USER,
                        user.userId(),
                        user.email(),
                        "PASSWORD_RESET",
                        null,
                        null,
                        changed.occurredAt());
            case CHANGE ->
                entries.add(
                        user,
                        AuditSubject.USER,
                        user.userId(),
                        user.email(),
                        "PASSWORD_CHANGED",
                        null,
                        null,
                        changed.occurredAt());
        }
    }

    /**
     * Who may use the organisation: a member of staff's invitation, role and access are recorded on their account, a
     * client's access and password links on the client. The state is the role and whether they may sign in.
     */
    @EventListener
    void on(PersonChanged changed) {
        Person person = changed.after();
        entries.add(
                changed.actor(),
                person.role().isStaff() ? AuditSubject.USER : AuditSubject.CLIENT,
                person.id(),
                person.label(),
                changed.change().name(),
                changed.changesAccess() ? access(changed.before()) : null,
                changed.changesAccess() ? access(person) : null,
                changed.occurredAt());
    }

    private static Map<String, Object> access(Person person) {
        if (person == null) {
            return null;
        }
        var state = new java.util.LinkedHashMap<String, Object>();
        state.put("role", person.role().name());
        state.put("enabled", person.enabled());
        return state;
    }

    private static String label(ApiToken token) {
        return token.name() + " (" + token.prefix() + "…)";
    }
}

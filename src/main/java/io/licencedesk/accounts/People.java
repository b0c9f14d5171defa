package io.licencedesk.accounts;

import io.licencedesk.accounts.AccountMessages.Recipient;
import io.licencedesk.accounts.PersonChanged.Change;
import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.shared.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may use the organisation's LicenceDesk (decision 0055). Owners invite owners and account managers, change
 * their role, disable and re-enable them; staff disable and re-enable a client's portal access and send a client a
 * password link; everyone on staff has a profile of their own. The organisation always keeps an enabled owner.
 */
@Service
@Transactional
public class People {

    private final PeopleRepository people;
    private final AccountRepository accounts;
    private final PasswordLinkRepository links;
    private final PasswordManagement passwords;
    private final AccountMailer mailer;
    private final PeopleMessages messages;
    private final AttemptLimits limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    People(
            PeopleRepository people,
            AccountRepository accounts,
            PasswordLinkRepository links,
            PasswordManagement passwords,
            AccountMailer mailer,
            PeopleMessages messages,
            AttemptLimits limits,
            ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.accounts = accounts;
        this.links = links;
        this.passwords = passwords;
        this.mailer = mailer;
        this.messages = messages;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    /** The caller as the profile page shows them. */
    @Transactional(readOnly = true)
    public Person me(Caller caller) {
        return people.find(caller.organisationId(), caller.userId()).orElseThrow();
    }

    /** A member of staff changes their own name (clients change theirs with their billing details). */
    public Person rename(Caller caller, String name) {
        requireStaff(caller);
        people.setName(caller.organisationId(), caller.userId(), name.strip());
        return me(caller);
    }

    /** The organisation's owners and account managers; only owners may see them here. */
    @Transactional(readOnly = true)
    public List<Person> staff(Caller caller) {
        requireOwner(caller);
        return people.staff(caller.organisationId());
    }

    /**
     * The staff invited who have not chosen a password and hold no working invitation: theirs expired (the People page
     * said "Invited" of them for ever, decision 0123), or was voided when they were disabled, and re-enabling them
     * gives none back (the page said "Invited" of them, whose link only said it had expired, decision 0179).
     */
    @Transactional(readOnly = true)
    public Set<Long> expiredInvitations(Caller caller) {
        requireOwner(caller);
        List<Long> invited = people.staff(caller.organisationId()).stream()
                .filter(person -> person.enabled() && !person.hasPassword())
                .map(Person::id)
                .toList();
        Instant now = clock.instant();
        Map<Long, Instant> expiries = links.linkExpiries(caller.organisationId(), invited);
        return invited.stream()
                .filter(id -> !expiries.containsKey(id) || !expiries.get(id).isAfter(now))
                .collect(Collectors.toSet());
    }

    /** Whether the caller is the organisation's only enabled owner: they may then neither leave nor step down. */
    @Transactional(readOnly = true)
    public boolean lastEnabledOwner(Caller caller) {
        return caller.isOwner() && people.ownersWhoCanSignIn(caller.organisationId()) <= 1;
    }

    /**
     * An owner invites an owner or an account manager: the person is added without a password and e-mailed a link
     * to choose one (valid as long as a client's invitation).
     *
     * @throws EmailAlreadyUsedException when someone, in any organisation, signs in with this address
     */
    public Person invite(Caller caller, String name, String email, Role role) {
        requireOwner(caller);
        requireStaffRole(role);
        requireOwnerStill(caller);
        String address = AccountManagement.normaliseEmail(email);
        if (accounts.emailExists(address)) {
            throw new EmailAlreadyUsedException(address);
        }
        long id;
        try {
            id = accounts.insertUser(caller.organisationId(), role, address, null, name.strip(), null, clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw new EmailAlreadyUsedException(address);
        }
        Person invited = find(caller, id);
        mailInvitation(caller, invited);
        events.publishEvent(new PersonChanged(caller, Change.INVITED, null, invited, clock.instant()));
        return invited;
    }

    /**
     * An owner sends an invited member of staff a new invitation: the first link lasts 72 hours, and inviting the
     * address again is refused as taken, so without this an invitation missed was a colleague locked out. Refused
     * for someone who has chosen a password already (they reset it themselves), who is disabled, or who was sent a
     * link in the last minute or the day's invitations ({@link InvitationLimits}).
     */
    public Person resendInvitation(Caller caller, long id) {
        requireOwner(caller);
        requireOwnerStill(caller);
        Person invited = staffMember(caller, id);
        if (invited.hasPassword()) {
            throw new PeopleRefusedException("reason.people.invitationAccepted");
        }
        if (!invited.enabled()) {
            throw new PeopleRefusedException("reason.people.invitationDisabled");
        }
        InvitationLimits.take(limits, id);
        mailInvitation(caller, invited);
        events.publishEvent(new PersonChanged(caller, Change.INVITED, invited, invited, clock.instant()));
        return invited;
    }

    private void mailInvitation(Caller caller, Person invited) {
        Organisation organisation =
                accounts.findOrganisation(caller.organisationId()).orElseThrow();
        Instant expiresAt = clock.instant().plus(PasswordManagement.LINK_VALIDITY);
        String link = passwords.issueLink(invited.id(), LinkPurpose.INVITATION, expiresAt);
        mailer.queue(messages.staffInvitation(
                passwords.sentLinkLanguage(invited.id()),
                organisation,
                new Recipient(invited.id(), invited.name(), invited.email()),
                invited.role(),
                link,
                expiresAt));
    }

    /** An owner makes a member of staff an owner or an account manager; the last enabled owner stays one. */
    public Person changeRole(Caller caller, long id, Role role) {
        requireOwner(caller);
        // The person first: an id that names no one of this organisation's staff is the 404 of every address
        // (decision 0153), before the form's fault (no role chosen).
        staffMember(caller, id);
        requireStaffRole(role);
        requireOwnerStill(caller);
        Person before = staffMember(caller, id);
        if (before.role() == role) {
            return before;
        }
        if (before.isOwner()
                && before.enabled()
                && before.hasPassword()
                && people.ownersWhoCanSignIn(caller.organisationId()) <= 1) {
            throw new PeopleRefusedException("reason.people.lastOwner");
        }
        people.setRole(caller.organisationId(), id, role);
        return changed(caller, Change.ROLE_CHANGED, before);
    }

    /** An owner disables a member of staff: their sessions and API tokens stop at once; the last enabled owner stays. */
    public Person disable(Caller caller, long id) {
        requireOwner(caller);
        requireOwnerStill(caller);
        Person before = staffMember(caller, id);
        if (!before.enabled()) {
            return before;
        }
        if (before.isOwner() && before.hasPassword() && people.ownersWhoCanSignIn(caller.organisationId()) <= 1) {
            throw new PeopleRefusedException("reason.people.lastOwner");
        }
        return disabled(caller, before);
    }

    /** An owner lets a disabled member of staff sign in again (with their password, or a reset link). */
    public Person enable(Caller caller, long id) {
        requireOwner(caller);
        requireOwnerStill(caller);
        return enabled(caller, staffMember(caller, id));
    }

    /** The organisation's client as a person: their role and whether they may sign in to the portal. */
    @Transactional(readOnly = true)
    public Person client(Caller caller, long clientId) {
        AccountManagement.requireStaff(caller);
        return clientPerson(caller, clientId);
    }

    /** Staff stop a client's portal access: their sessions and API tokens stop at once, their links are void. */
    public Person disableClient(Caller caller, long clientId) {
        requireStaffStill(caller);
        Person before = clientPerson(caller, clientId);
        return before.enabled() ? disabled(caller, before) : before;
    }

    /** Staff give a client their portal access back. */
    public Person enableClient(Caller caller, long clientId) {
        requireStaffStill(caller);
        return enabled(caller, clientPerson(caller, clientId));
    }

    /**
     * Staff e-mail a client a link to choose a new password (through the outbox). Refused for a client who has no
     * password yet (send an invitation instead), whose access is disabled, or who was sent a link in the last minute or
     * the day's reset links ({@link #takeResetLink}).
     * Written in the client's language, else in the organisation's (decision 0172; the sender's page before it).
     */
    public void sendPasswordReset(Caller caller, long clientId) {
        requireStaffStill(caller);
        Person client = clientPerson(caller, clientId);
        if (!client.enabled()) {
            throw new PeopleRefusedException("reason.people.resetDisabled");
        }
        if (!client.hasPassword()) {
            throw new PeopleRefusedException("reason.people.resetNotActive");
        }
        takeResetLink(clientId);
        Organisation organisation =
                accounts.findOrganisation(caller.organisationId()).orElseThrow();
        Instant expiresAt = clock.instant().plus(PasswordManagement.LINK_VALIDITY);
        String link = passwords.issueLink(clientId, LinkPurpose.RESET, expiresAt);
        mailer.queue(messages.resetFromStaff(
                passwords.sentLinkLanguage(clientId),
                organisation,
                new Recipient(clientId, client.name(), client.email()),
                link,
                expiresAt));
        events.publishEvent(new PersonChanged(caller, Change.RESET_SENT, client, client, clock.instant()));
    }

    /**
     * Counts a reset link sent by staff, or refuses it: one a minute, and in the day's five of "Forgot your password?"
     * ({@link PasswordManagement#RESETS_A_DAY}), which both fill the same inbox with a link that replaces the last one.
     * With the minute's alone, staff could send 1,440 a day, five more on top of the page's (decision 0132). The day's
     * limit is asked first without counting, so that its refusal uses none of the minute's; a refusal rolls back.
     */
    private void takeResetLink(long clientId) {
        String key = Long.toString(clientId);
        OptionalLong wait = limits.waitFor(PasswordManagement.RESETS_A_DAY, key);
        if (wait.isPresent()) {
            throw tooManyResetLinks(wait.getAsLong());
        }
        if (limits.take(PasswordManagement.RESETS, key).isPresent()) {
            throw new PeopleRefusedException("reason.people.resetTooSoon");
        }
        wait = limits.take(PasswordManagement.RESETS_A_DAY, key);
        if (wait.isPresent()) {
            throw tooManyResetLinks(wait.getAsLong()); // another request took the last one in between
        }
    }

    private static PeopleRefusedException tooManyResetLinks(long seconds) {
        long hours = Math.max(1, (seconds + 3599) / 3600);
        return new PeopleRefusedException(
                Reason.of("reason.people.resetTooMany", PasswordManagement.RESETS_A_DAY.attempts(), hours));
    }

    /**
     * A member of staff starts looking at the portal as this client sees it, read-only (decision 0056): the answer is
     * the client as a caller, for the portal's pages to read with; the staff member stays who they are, and it is
     * recorded.
     */
    public Caller startViewing(Caller caller, long clientId) {
        requireStaffStill(caller);
        Person client = clientPerson(caller, clientId);
        events.publishEvent(new PersonChanged(caller, Change.VIEW_STARTED, client, client, clock.instant()));
        return new Caller(client.id(), caller.organisationId(), Role.CLIENT, client.email(), client.name());
    }

    /** They stop looking at the portal as the client: recorded, so the log shows how long it lasted. */
    public void stopViewing(Caller caller, long clientId) {
        AccountManagement.requireStaff(caller);
        people.find(caller.organisationId(), clientId)
                .filter(person -> person.role() == Role.CLIENT)
                .ifPresent(client -> events.publishEvent(
                        new PersonChanged(caller, Change.VIEW_STOPPED, client, client, clock.instant())));
    }

    private Person disabled(Caller caller, Person before) {
        people.setEnabled(caller.organisationId(), before.id(), false);
        links.voidUnused(before.id());
        return changed(caller, Change.DISABLED, before);
    }

    private Person enabled(Caller caller, Person before) {
        if (before.enabled()) {
            return before;
        }
        people.setEnabled(caller.organisationId(), before.id(), true);
        return changed(caller, Change.ENABLED, before);
    }

    private Person changed(Caller caller, Change change, Person before) {
        Person after = find(caller, before.id());
        events.publishEvent(new PersonChanged(caller, change, before, after, clock.instant()));
        return after;
    }

    private Person find(Caller caller, long id) {
        return people.find(caller.organisationId(), id).orElseThrow(() -> new PersonNotFoundException(id));
    }

    private Person staffMember(Caller caller, long id) {
        Person person = find(caller, id);
        if (!person.role().isStaff()) {
            throw new PersonNotFoundException(id);
        }
        return person;
    }

    private Person clientPerson(Caller caller, long clientId) {
        return people.find(caller.organisationId(), clientId)
                .filter(person -> person.role() == Role.CLIENT)
                .orElseThrow(() -> new ClientNotFoundException(clientId));
    }

    private static void requireOwner(Caller caller) {
        if (!caller.isOwner()) {
            throw new AccessDeniedException("Only owners may manage the organisation's people");
        }
    }

    /**
     * Takes the organisation's lock, then checks that the caller is an enabled owner now, not only when they signed in:
     * the role of a session is the one it signed in with, and the sessions of someone demoted or disabled end only once
     * that change commits, so a request of theirs already past the sign-in check (or waiting on this lock) still acted as
     * an owner, and could make them an owner again (decision 0179). Changes to people are made one at a time under the
     * lock, so what is read here stays true until this one commits.
     */
    private void requireOwnerStill(Caller caller) {
        people.lockOrganisation(caller.organisationId());
        boolean owner = people.find(caller.organisationId(), caller.userId())
                .filter(person -> person.role() == Role.OWNER && person.enabled())
                .isPresent();
        if (!owner) {
            throw new AccessDeniedException("No longer an enabled owner of the organisation");
        }
    }

    /**
     * The caller is an enabled member of staff now: a client's access, a password link to them and viewing as them were
     * allowed to someone disabled meanwhile, in a request of theirs already past the sign-in check (decision 0179).
     * Under the organisation's lock, as {@link #requireOwnerStill}: an owner's disable of them that has not committed
     * yet holds it, so this waits for it and then reads them disabled, where a plain read saw them enabled still.
     */
    private void requireStaffStill(Caller caller) {
        AccountManagement.requireStaff(caller);
        people.lockOrganisation(caller.organisationId());
        boolean staff = people.find(caller.organisationId(), caller.userId())
                .filter(person -> person.role().isStaff() && person.enabled())
                .isPresent();
        if (!staff) {
            throw new AccessDeniedException("No longer an enabled member of the organisation's staff");
        }
    }

    private static void requireStaff(Caller caller) {
        AccountManagement.requireStaff(caller);
    }

    private static void requireStaffRole(Role role) {
        if (role == null || !role.isStaff()) {
            throw new PeopleRefusedException("reason.people.roleInvalid");
        }
    }
}

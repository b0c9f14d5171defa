package io.licencedesk.accounts;

import io.licencedesk.shared.PageOf;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts module's façade: organisations and their clients, always scoped to the caller's organisation. */
@Service
@Transactional
public class AccountManagement {

    private final AccountRepository accounts;
    private final PasswordLinkRepository links;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final List<PricedRecords> pricedRecords;
    private final Clock clock;

    AccountManagement(
            AccountRepository accounts,
            PasswordLinkRepository links,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            List<PricedRecords> pricedRecords,
            Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.passwords = passwords;
        this.events = events;
        this.pricedRecords = pricedRecords;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Organisation organisation(Caller caller) {
        return accounts.findOrganisation(caller.organisationId()).orElseThrow();
    }

    /**
     * The organisation with this id, for a screen's device, which acts for no signed-in person: the
     * device API has already proved, with the device's credential, that the licence is this organisation's.
     */
    @Transactional(readOnly = true)
    public Organisation organisationForDevice(long organisationId) {
        return accounts.findOrganisation(organisationId).orElseThrow();
    }

    /** The client with this id if it belongs to the organisation, for other modules checking an assignment. */
    @Transactional(readOnly = true)
    public Optional<Client> findClient(long organisationId, long clientId) {
        return accounts.findClient(organisationId, clientId);
    }

    /**
     * The organisation's clients by lower-cased e-mail, for the licence import, which matches thousands of rows
     * against them: one query instead of one per row.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> clientIdsByEmail(long organisationId) {
        return accounts.clientIdsByEmail(organisationId);
    }

    @Transactional(readOnly = true)
    public PageOf<Client> clients(Caller caller, String term, int page, int size) {
        requireStaff(caller);
        return PageOf.read(
                page,
                size,
                accounts.countClients(caller.organisationId(), term),
                (offset, limit) -> accounts.findClients(caller.organisationId(), term, offset, limit));
    }

    /**
     * The organisation's client who signs in with this address (any case, spaces around it), for a form that names
     * a client by e-mail; empty when nobody there does, or when it is staff.
     */
    @Transactional(readOnly = true)
    public Optional<Client> findClientByEmail(Caller caller, String email) {
        requireStaff(caller);
        return accounts.findUserByEmail(normaliseEmail(email))
                .map(AccountRepository.StoredUser::caller)
                .filter(holder -> holder.organisationId() == caller.organisationId())
                .flatMap(holder -> accounts.findClient(caller.organisationId(), holder.userId()));
    }

    /** The first few clients matching a term, for a searchable drop-down. */
    @Transactional(readOnly = true)
    public List<Client> searchClients(Caller caller, String term, int limit) {
        requireStaff(caller);
        return accounts.findClients(caller.organisationId(), term, 0, limit);
    }

    public Client addClient(Caller caller, NewClient client) {
        requireStaff(caller);
        NewClient cleaned = clean(client);
        String email = normaliseEmail(client.email());
        long id = insertUser(caller.organisationId(), Role.CLIENT, email, null, cleaned.name(), cleaned.company());
        accounts.updateClient(caller.organisationId(), id, cleaned, email);
        Client added = accounts.findClient(caller.organisationId(), id).orElseThrow();
        events.publishEvent(new ClientAdded(caller, added, clock.instant()));
        return added;
    }

    @Transactional(readOnly = true)
    public Client client(Caller caller, long clientId) {
        requireStaff(caller);
        return accounts.findClient(caller.organisationId(), clientId)
                .orElseThrow(() -> new ClientNotFoundException(clientId));
    }

    /**
     * Whether someone else already signs in with this address (addresses are unique across organisations), so that a
     * form refused for another field says so at once too, rather than on the next try; {@code clientId} is the client
     * being edited, whose own address is not taken, or null for a new one. {@link #addClient} and
     * {@link #updateClient} still refuse a taken address themselves.
     */
    @Transactional(readOnly = true)
    public boolean emailTaken(Caller caller, String email, Long clientId) {
        requireStaff(caller);
        String wanted = normaliseEmail(email);
        if (clientId != null
                && accounts.findClient(caller.organisationId(), clientId)
                        .map(Client::email)
                        .filter(wanted::equals)
                        .isPresent()) {
            return false;
        }
        return accounts.emailExists(wanted);
    }

    /**
     * The name of whoever in the caller's organisation signs in with this address, to name them where the address is
     * refused as taken; empty when nobody there does. An address taken in another organisation is refused too (an
     * address signs in to one organisation), but nothing of that account is said (decision 0132).
     */
    @Transactional(readOnly = true)
    public Optional<String> emailHolder(Caller caller, String email) {
        requireStaff(caller);
        return accounts.findUserByEmail(normaliseEmail(email))
                .map(AccountRepository.StoredUser::caller)
                .filter(holder -> holder.organisationId() == caller.organisationId())
                .map(holder -> holder.name() == null || holder.name().isBlank() ? holder.email() : holder.name());
    }

    /** Changes a client's name, e-mail, company and billing details; issued invoices keep what they recorded. */
    public Client updateClient(Caller caller, long clientId, NewClient client) {
        return updateClient(caller, clientId, null, current -> client);
    }

    /**
     * Changes the client to what {@code change} makes of its current values, read under the client's lock, once
     * {@code expected} (null: no condition) has accepted them; it throws to refuse, and nothing changes. So two
     * changes of different fields (the REST API's PATCH, which sends only some) both stay, where the second was
     * written over the values read before the first, and a channel's condition on the version it read (If-Match,
     * decision 0130) holds until the write.
     */
    public Client updateClient(
            Caller caller, long clientId, Consumer<Client> expected, Function<Client, NewClient> change) {
        requireStaff(caller);
        Client existing = accounts.findClientForUpdate(caller.organisationId(), clientId)
                .orElseThrow(() -> new ClientNotFoundException(clientId));
        if (expected != null) {
            expected.accept(existing);
        }
        NewClient client = change.apply(existing);
        String email = normaliseEmail(client.email());
        if (!email.equals(existing.email()) && accounts.emailExists(email)) {
            throw new EmailAlreadyUsedException(email);
        }
        try {
            accounts.updateClient(caller.organisationId(), clientId, clean(client), email);
        } catch (DuplicateKeyException raced) {
            throw new EmailAlreadyUsedException(email);
        }
        if (!email.equals(existing.email())) {
            // A link e-mailed to the old (perhaps mistyped) address must not open the account.
            links.voidUnused(clientId);
            events.publishEvent(new EmailChanged(clientId, existing.email()));
        }
        Client edited = client(caller, clientId);
        if (!edited.equals(existing)) {
            events.publishEvent(new ClientEdited(caller, existing, edited, clock.instant()));
        }
        return edited;
    }

    /** Whether each of these clients of the caller's organisation can sign in, has an invitation, neither, or is disabled. */
    @Transactional(readOnly = true)
    public Map<Long, ClientAccess> access(Caller caller, Collection<Long> clientIds) {
        requireStaff(caller);
        Set<Long> active = new HashSet<>(accounts.withPassword(caller.organisationId(), clientIds));
        Set<Long> disabled = new HashSet<>(accounts.disabled(caller.organisationId(), clientIds));
        Map<Long, Instant> invitations = links.linkExpiries(caller.organisationId(), clientIds);
        Instant now = clock.instant();
        Map<Long, ClientAccess> access = new HashMap<>();
        for (long id : clientIds) {
            Instant invitedUntil = invitations.get(id);
            access.put(
                    id,
                    disabled.contains(id)
                            ? ClientAccess.DISABLED
                            : active.contains(id)
                                    ? ClientAccess.ACTIVE
                                    : invitedUntil == null
                                            ? ClientAccess.NOT_INVITED
                                            : invitedUntil.isAfter(now)
                                                    ? ClientAccess.INVITED
                                                    : ClientAccess.INVITATION_EXPIRED);
        }
        return access;
    }

    /** The signed-in client's own record. */
    @Transactional(readOnly = true)
    public Client profile(Caller caller) {
        requireClient(caller);
        return accounts.findClient(caller.organisationId(), caller.userId()).orElseThrow();
    }

    /** A client changes their own name, company and billing details; no one else's. */
    public Client updateProfile(Caller caller, ProfileChange change) {
        requireClient(caller);
        accounts.updateProfile(
                caller.organisationId(),
                caller.userId(),
                new ProfileChange(
                        change.name().strip(),
                        blankToNull(change.company()),
                        blankToNull(change.billingAddress()),
                        blankToNull(change.vatNumber())));
        return profile(caller);
    }

    /**
     * Changes the organisation's settings; only owners may. The currency stays as it is once the organisation
     * has licences or invoices ({@link CurrencyFixedException}), since their amounts are in it.
     *
     * @return whether anything changed: settings saved as they were record nothing, and the page says so
     */
    public boolean updateSettings(Caller caller, OrganisationSettings settings) {
        if (!caller.isOwner()) {
            throw new AccessDeniedException("Only owners may change the organisation's settings");
        }
        Optional<CurrencyFixedException> refused = currencyChangeRefusal(caller, settings.currency());
        if (refused.isPresent()) {
            throw refused.get();
        }
        OrganisationSettings before = OrganisationSettings.of(organisation(caller));
        accounts.updateOrganisation(
                caller.organisationId(),
                new OrganisationSettings(
                        settings.name().strip(),
                        blankToNull(settings.legalName()),
                        blankToNull(settings.address()),
                        settings.currency(),
                        settings.vatRate(),
                        settings.invoicePrefix().strip(),
                        settings.paymentTermsDays(),
                        blankToNull(settings.senderName()),
                        blankToNull(settings.senderEmail()),
                        settings.expiringSoonDays(),
                        settings.language() == null ? before.language() : settings.language()));
        return settingsChanged(caller, before);
    }

    /** Whether the settings differ from before, recorded as changed when they do. */
    private boolean settingsChanged(Caller caller, OrganisationSettings before) {
        OrganisationSettings after = OrganisationSettings.of(organisation(caller));
        if (after.equals(before)) {
            return false;
        }
        events.publishEvent(new OrganisationSettingsChanged(caller, before, after, clock.instant()));
        return true;
    }

    /**
     * Why the organisation's currency cannot become this one, or empty when it can (it is the same, or nothing
     * is priced in it yet). A form asks before it is otherwise valid, so that every error shows at once.
     */
    @Transactional(readOnly = true)
    public Optional<CurrencyFixedException> currencyChangeRefusal(Caller caller, Currency wanted) {
        Currency currency = organisation(caller).currency();
        return currency.equals(wanted) || !currencyFixed(caller)
                ? Optional.empty()
                : Optional.of(new CurrencyFixedException(currency));
    }

    /** Whether the organisation's currency can no longer change: it has licences or invoices priced in it. */
    @Transactional(readOnly = true)
    public boolean currencyFixed(Caller caller) {
        return pricedRecords.stream().anyMatch(records -> records.existFor(caller.organisationId()));
    }

    private static NewClient clean(NewClient client) {
        return new NewClient(
                client.name().strip(),
                client.email(),
                blankToNull(client.company()),
                blankToNull(client.billingAddress()),
                blankToNull(client.vatNumber()));
    }

    /** Creates a tenant with its first owner: used when an installation starts empty, and by the demo data. */
    long createOrganisationWithOwner(
            String organisationName, Currency currency, String ownerName, String email, String rawPassword) {
        long organisationId = accounts.insertOrganisation(organisationName, currency, clock.instant());
        createUser(organisationId, Role.OWNER, ownerName, email, rawPassword, null);
        return organisationId;
    }

    long createUser(long organisationId, Role role, String name, String email, String rawPassword, String company) {
        return insertUser(organisationId, role, normaliseEmail(email), passwords.encode(rawPassword), name, company);
    }

    private long insertUser(
            long organisationId, Role role, String email, String passwordHash, String name, String company) {
        if (accounts.emailExists(email)) {
            throw new EmailAlreadyUsedException(email);
        }
        try {
            return accounts.insertUser(organisationId, role, email, passwordHash, name, company, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw new EmailAlreadyUsedException(email);
        }
    }

    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void requireClient(Caller caller) {
        if (!caller.isClient()) {
            throw new AccessDeniedException("Only clients have a profile here");
        }
    }

    static void requireStaff(Caller caller) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may manage clients");
        }
    }
}

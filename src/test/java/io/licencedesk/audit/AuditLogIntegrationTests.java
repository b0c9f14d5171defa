package io.licencedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.CallerAddress;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewApiToken;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.OrganisationSettings;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.SentLinks;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditRecord.FieldChange;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.CodeNotRedeemableException;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.Language;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.WebhookEndpoint;
import io.licencedesk.webhooks.Webhooks;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The audit log records every kind of change with who made it, when, from which address and the state before and
 * after; filters and pages it for the caller's organisation only; exports what its pages show; and keeps every row as
 * it was written.
 */
@IntegrationTest
class AuditLogIntegrationTests {

    static final String ADDRESS = "203.0.113.7";

    @Autowired
    AuditLog log;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    AccountManagement accounts;

    @Autowired
    PasswordManagement passwords;

    @Autowired
    SentLinks links;

    @Autowired
    ApiTokens tokens;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    Webhooks webhooks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TestLicences testLicences;

    @Autowired
    AuditTrail trail;

    TestOrganisation org;
    Plan monthly;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
    }

    /**
     * The renewal cycle's rows written before decision 0122 bear its caller's id and its name as their e-mail; they
     * cannot be changed (append-only). The log, its "who" filter, its export and a licence's history read them as the
     * system's, without a person: the queries now name that id (AuditEntries.SYSTEM_ACTOR_ID) where they said
     * "actor_id = 0" (decision 0168).
     */
    @Test
    void theSystemsRowsWrittenWithItsNameAsAnEmailAreReadWithoutAPerson() {
        LicenceDetails lobby = licence("Lobby", null);
        jdbc.sql("""
                        insert into audit_event (organisation_id, subject_type, subject_id, subject_label, action,
                                                 actor_id, actor_email, occurred_at, before_state, after_state)
                        values (:organisationId, 'LICENCE', :licenceId, 'Lobby', 'RENEWED', 0,
                                'LicenceDesk (automatic)', :at, '{"termNumber":1}', '{"termNumber":2}')
                        """)
                .param("organisationId", org.id())
                .param("licenceId", lobby.id())
                .param("at", Timestamp.from(clock.instant()))
                .update();

        assertThat(entry(AuditSubject.LICENCE, "RENEWED").actorEmail()).isNull();
        assertThat(entries(new AuditFilter("automatic", null, null, null, null, null)))
                .isEmpty();
        List<AuditEntry> exported = new ArrayList<>();
        log.export(
                org.manager(), new AuditFilter(null, AuditSubject.LICENCE, "RENEWED", null, null, null), exported::add);
        assertThat(exported).extracting(AuditEntry::actorEmail).containsExactly((String) null);
        assertThat(trail.licenceHistory(org.manager(), lobby.id()).get(0).actorEmail())
                .isNull();
        assertThat(trail.licenceHistory(org.manager(), lobby.id(), AuditPageRequest.first(20))
                        .entries()
                        .get(0)
                        .actorEmail())
                .isNull();
        assertThat(entries(new AuditFilter(org.manager().email(), AuditSubject.LICENCE, null, null, null, null)))
                .extracting(AuditEntry::action)
                .containsExactly("CREATED");
    }

    /** Every entry of the caller's log, newest first, page after page. */
    List<AuditEntry> entries(Caller caller, AuditFilter filter) {
        List<AuditEntry> all = new ArrayList<>();
        AuditPage page = log.page(caller, filter, AuditPageRequest.first(50));
        all.addAll(page.entries());
        while (page.hasNext()) {
            page = log.page(caller, filter, new AuditPageRequest(page.nextCursor(), null, false, 50));
            all.addAll(page.entries());
        }
        return all;
    }

    List<AuditEntry> entries(AuditFilter filter) {
        return entries(org.manager(), filter);
    }

    /** The newest entry of this kind. */
    AuditEntry entry(AuditSubject subject, String action) {
        return entries(new AuditFilter(null, subject, action, null, null, null)).get(0);
    }

    LicenceDetails licence(String name, Long clientId) {
        return licences.create(org.manager(), new NewLicence(monthly.id(), name, null, 1, clientId));
    }

    void madeBy(AuditEntry entry, Caller who) {
        assertThat(entry.actorEmail()).isEqualTo(who.email());
        assertThat(entry.address()).isEqualTo(ADDRESS);
        assertThat(entry.occurredAt()).isCloseTo(clock.instant(), within(1, ChronoUnit.MINUTES));
    }

    /**
     * A licence's entries are labelled with its name and code ("Lobby screens (VZIBTOUC)"); the object filter given
     * the code written in groups, as people write one, found none of them (decision 0152).
     */
    @Test
    void theObjectFilterFindsALicenceByItsCodeWrittenInGroups() {
        LicenceDetails lobby = licence("Lobby screens", null);
        licence("Hall", null);
        String code = lobby.couponCode().value();

        for (String typed : List.of(
                code.substring(0, 4) + " " + code.substring(4),
                code.substring(0, 4).toLowerCase() + "-" + code.substring(4).toLowerCase(),
                "lobby screens")) {
            assertThat(entries(new AuditFilter(null, AuditSubject.LICENCE, null, null, null, typed)))
                    .as(typed)
                    .isNotEmpty()
                    .allSatisfy(entry -> assertThat(entry.subjectId()).isEqualTo(lobby.id()));
        }
    }

    /**
     * A client's page showed only the entries about the client's own record: what happened to their licences and
     * invoices was in the log but not there. The entries about a client are now those of their account (but signing
     * in), of the licences that are theirs and of the invoices billed to them, newest first, and nobody else's
     * (decision 0146).
     */
    @Test
    void theEntriesAboutAClientAreTheirAccountsTheirLicencesAndTheirInvoicesNewestFirst() {
        long alice = org.alice().userId();
        TestOrganisation other = organisations.create();
        long lobby = testLicences.activated(org.owner(), monthly, alice, "Lobby", testLicences.today());
        long bobs = testLicences.activated(org.owner(), monthly, org.bob().userId(), "Bob's", testLicences.today());
        licence("Free", null);
        licences.create(
                other.manager(), new NewLicence(fixture.monthlyPlan(other).id(), "Theirs", null, 1, null));
        Invoice invoice = invoicing.send(org.manager(), List.of(lobby)).issued().get(0);
        invoicing.send(org.manager(), List.of(bobs));
        accounts.updateClient(
                org.manager(),
                alice,
                new NewClient(org.alice().name(), org.alice().email(), "Alice Moved Co", null, null));
        passwords.changePassword(org.alice(), TestOrganisation.PASSWORD, "a much longer secret 1");

        Predicate<AuditEntry> aboutAlice = entry -> switch (entry.subject()) {
            case LICENCE -> entry.subjectId() == lobby;
            case INVOICE -> entry.subjectId() == invoice.id();
            case CLIENT, USER -> entry.subjectId() == alice && !entry.action().startsWith("SIGN");
            default -> false;
        };
        List<Long> expected = entries(AuditFilter.ANY).stream()
                .filter(aboutAlice)
                .map(AuditEntry::id)
                .toList();
        AuditPage about = log.aboutClient(org.manager(), alice, 25);
        assertThat(about.entries()).extracting(AuditEntry::id).containsExactlyElementsOf(expected);
        assertThat(about.entries())
                .extracting(AuditEntry::subject)
                .contains(AuditSubject.LICENCE, AuditSubject.INVOICE, AuditSubject.CLIENT, AuditSubject.USER);
        assertThat(about.hasNext()).isFalse();

        // Thirty more about one licence: the newest 25 of all, and a next page said to be there.
        for (int i = 0; i < 15; i++) {
            licences.pause(org.manager(), lobby);
            licences.resume(org.manager(), lobby);
        }
        List<Long> newest = entries(AuditFilter.ANY).stream()
                .filter(aboutAlice)
                .map(AuditEntry::id)
                .limit(25)
                .toList();
        AuditPage cut = log.aboutClient(org.manager(), alice, 25);
        assertThat(cut.entries()).extracting(AuditEntry::id).containsExactlyElementsOf(newest);
        assertThat(cut.hasNext()).isTrue();

        assertThat(log.aboutClient(other.manager(), alice, 25).entries()).isEmpty();
        assertThatThrownBy(() -> log.aboutClient(org.alice(), alice, 25)).isInstanceOf(AccessDeniedException.class);
    }

    /**
     * The log had no filter for everything about a client: their page could only link to their account's entries
     * (decision 0150). Filtered to a client, it pages through exactly what their page's history takes, forwards and
     * backwards, with the other filters too, and its export holds the same; another organisation sees none of it.
     */
    @Test
    void filteredToAClientTheLogPagesThroughEverythingAboutThemBothWays() {
        long alice = org.alice().userId();
        TestOrganisation other = organisations.create();
        long lobby = testLicences.activated(org.owner(), monthly, alice, "Lobby", testLicences.today());
        long bobs = testLicences.activated(org.owner(), monthly, org.bob().userId(), "Bob's", testLicences.today());
        Invoice invoice = invoicing.send(org.manager(), List.of(lobby)).issued().get(0);
        for (int i = 0; i < 12; i++) {
            licences.pause(org.manager(), i % 2 == 0 ? lobby : bobs);
            licences.resume(org.manager(), i % 2 == 0 ? lobby : bobs);
        }
        accounts.updateClient(
                org.manager(),
                alice,
                new NewClient(org.alice().name(), org.alice().email(), "Alice Moved Co", null, null));
        Predicate<AuditEntry> aboutAlice = entry -> switch (entry.subject()) {
            case LICENCE -> entry.subjectId() == lobby;
            case INVOICE -> entry.subjectId() == invoice.id();
            case CLIENT, USER -> entry.subjectId() == alice && !entry.action().startsWith("SIGN");
            default -> false;
        };
        List<Long> expected = entries(AuditFilter.ANY).stream()
                .filter(aboutAlice)
                .map(AuditEntry::id)
                .toList();
        assertThat(expected).hasSizeGreaterThan(14);
        AuditFilter aboutHer = AuditFilter.aboutClient(alice);

        List<Long> forwards = new ArrayList<>();
        AuditPage page = log.page(org.manager(), aboutHer, AuditPageRequest.first(4));
        assertThat(page.hasPrevious()).isFalse();
        forwards.addAll(ids(page));
        while (page.hasNext()) {
            page = log.page(org.manager(), aboutHer, new AuditPageRequest(page.nextCursor(), null, false, 4));
            forwards.addAll(ids(page));
        }
        assertThat(forwards).containsExactlyElementsOf(expected);

        List<Long> backwards = new ArrayList<>();
        page = log.page(org.manager(), aboutHer, new AuditPageRequest(null, null, true, 4));
        assertThat(page.hasNext()).isFalse();
        backwards.addAll(0, ids(page));
        while (page.hasPrevious()) {
            page = log.page(org.manager(), aboutHer, new AuditPageRequest(null, page.previousCursor(), false, 4));
            backwards.addAll(0, ids(page));
        }
        assertThat(backwards).containsExactlyElementsOf(expected);

        assertThat(entries(new AuditFilter(null, AuditSubject.LICENCE, "PAUSED", null, null, null, alice)))
                .hasSize(6)
                .extracting(AuditEntry::subjectId)
                .containsOnly(lobby);
        List<Long> exported = new ArrayList<>();
        log.export(org.manager(), aboutHer, entry -> exported.add(entry.id()));
        assertThat(exported).containsExactlyElementsOf(expected);
        assertThat(log.aboutClient(org.manager(), alice, 25).entries())
                .extracting(AuditEntry::id)
                .containsExactlyElementsOf(expected.subList(0, Math.min(25, expected.size())));

        assertThat(entries(other.manager(), aboutHer)).isEmpty();
        assertThatThrownBy(() -> log.page(org.alice(), aboutHer, AuditPageRequest.first(4)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> log.export(org.alice(), aboutHer, entry -> {}))
                .isInstanceOf(AccessDeniedException.class);
    }

    /**
     * A client with many licences is read first among the organisation's newest entries of each kind, then licence by
     * licence when that window held too few of theirs (decision 0150). With every client counted as one with many and
     * windows of one to three entries for each entry asked, every page has exactly the entries of the whole history,
     * newest or oldest first, from the start or from a cursor.
     */
    @Test
    void aClientsEntriesAreTheSameThroughTheWindowAsLicenceByLicence() {
        long alice = org.alice().userId();
        long lobby = testLicences.activated(org.owner(), monthly, alice, "Lobby", testLicences.today());
        long bar = testLicences.activated(org.owner(), monthly, alice, "Bar", testLicences.today());
        long bobs = testLicences.activated(org.owner(), monthly, org.bob().userId(), "Bob's", testLicences.today());
        invoicing.send(org.manager(), List.of(lobby, bobs));
        for (long licence : List.of(bobs, lobby, bobs, bar, bobs, bobs, lobby)) {
            licences.pause(org.manager(), licence);
            licences.resume(org.manager(), licence);
        }
        invoicing.send(org.manager(), List.of(bar));
        List<Long> newestFirst = ids(log.aboutClient(org.manager(), alice, 100));
        assertThat(newestFirst).hasSizeGreaterThanOrEqualTo(10);
        List<Long> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        long cursor = newestFirst.get(newestFirst.size() / 2);
        List<Long> olderThanCursor =
                newestFirst.stream().filter(id -> id < cursor).toList();
        List<Long> newerThanCursor =
                oldestFirst.stream().filter(id -> id > cursor).toList();
        var params = java.util.Map.<String, Object>of(
                "organisationId", org.manager().organisationId(), "clientId", alice, "cursor", cursor);

        for (int few : List.of(0, 200)) {
            for (int window : List.of(1, 3)) {
                var entries = new ClientEntries(jdbc, few, window);
                for (int limit : List.of(1, 4, 100)) {
                    String where = "organisation_id = :organisationId";
                    assertThat(entries.ids(where, params, "desc", limit))
                            .as("few %d, window %d, limit %d", few, window, limit)
                            .isEqualTo(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
                    assertThat(entries.ids(where, params, "asc", limit))
                            .isEqualTo(oldestFirst.subList(0, Math.min(limit, oldestFirst.size())));
                    assertThat(entries.ids(where + " and id < :cursor", params, "desc", limit))
                            .isEqualTo(olderThanCursor.subList(0, Math.min(limit, olderThanCursor.size())));
                    assertThat(entries.ids(where + " and id > :cursor", params, "asc", limit))
                            .isEqualTo(newerThanCursor.subList(0, Math.min(limit, newerThanCursor.size())));
                }
            }
        }
    }

    static List<Long> ids(AuditPage page) {
        return page.entries().stream().map(AuditEntry::id).toList();
    }

    @Test
    void recordsInvoicesIssuedSentAgainPaidAndVoided() {
        LicenceDetails paid = licence("Lobby", org.alice().userId());
        LicenceDetails voided = licence("Bar", org.alice().userId());
        Invoice invoice;
        try (var request = CallerAddress.of(ADDRESS)) {
            invoice = invoicing.send(org.manager(), List.of(paid.id())).issued().get(0);
            // Its first e-mail went out: one still waiting is not sent again (decision 0088).
            jdbc.sql("update outbound_email set status = 'SENT' where subject_type = 'INVOICE' and subject_id = ?")
                    .param(invoice.id())
                    .update();
            invoicing.resend(org.manager(), invoice.id());
            invoicing.markPaid(org.manager(), invoice.id(), LocalDate.now(clock), "BANK-42");
            Invoice other =
                    invoicing.send(org.manager(), List.of(voided.id())).issued().get(0);
            invoicing.voidInvoice(org.manager(), other.id(), "Wrong client");
        }

        AuditEntry issued = entries(new AuditFilter(null, AuditSubject.INVOICE, "ISSUED", null, null, invoice.number()))
                .get(0);
        madeBy(issued, org.manager());
        assertThat(issued.subjectId()).isEqualTo(invoice.id());
        assertThat(issued.subjectLabel()).isEqualTo(invoice.number());
        assertThat(issued.changes())
                .contains(
                        new FieldChange("number", null, invoice.number()),
                        new FieldChange("status", null, "Issued"),
                        new FieldChange("client", null, org.alice().email()),
                        new FieldChange("total", null, "EUR 10.00"));
        AuditEntry resent = entry(AuditSubject.INVOICE, "RESENT");
        madeBy(resent, org.manager());
        assertThat(resent.changes()).isEmpty();
        AuditEntry markedPaid = entry(AuditSubject.INVOICE, "PAID");
        madeBy(markedPaid, org.manager());
        assertThat(markedPaid.changes())
                .containsExactly(
                        new FieldChange("status", "Issued", "Paid"),
                        new FieldChange("paidOn", null, LocalDate.now(clock).toString()),
                        new FieldChange("paymentReference", null, "BANK-42"));
        assertThat(entry(AuditSubject.INVOICE, "VOIDED").changes())
                .containsExactly(
                        new FieldChange("status", "Issued", "Void"),
                        new FieldChange("voidReason", null, "Wrong client"));
        assertThat(entries(new AuditFilter(null, AuditSubject.LICENCE, "PAID", null, null, null)))
                .singleElement()
                .satisfies(licencePaid -> madeBy(licencePaid, org.manager()));
    }

    @Test
    void recordsClientsAddedEditedInvitedAndActivated() {
        Client added;
        try (var request = CallerAddress.of(ADDRESS)) {
            added = accounts.addClient(
                    org.manager(), new NewClient("Carol", "carol-" + org.id() + "@example.test", null, null, null));
            accounts.updateClient(
                    org.manager(),
                    added.id(),
                    new NewClient("Carol", added.email(), "Carol Signs", "1 High Street", null));
            accounts.updateClient(
                    org.manager(),
                    added.id(),
                    new NewClient("Carol", added.email(), "Carol Signs", "1 High Street", null));
            passwords.invite(org.manager(), added.id());
            passwords.setPassword(links.tokenTo(added.email()), "a much longer secret 2");
        }

        AuditEntry addedEntry = entry(AuditSubject.CLIENT, "ADDED");
        madeBy(addedEntry, org.manager());
        assertThat(addedEntry.subjectId()).isEqualTo(added.id());
        assertThat(addedEntry.subjectLabel()).isEqualTo(added.label());
        assertThat(addedEntry.changes())
                .containsExactly(new FieldChange("name", null, "Carol"), new FieldChange("email", null, added.email()));
        assertThat(entries(new AuditFilter(null, AuditSubject.CLIENT, "EDITED", null, null, null)))
                .as("an edit that changes nothing records nothing")
                .singleElement()
                .satisfies(edited -> {
                    madeBy(edited, org.manager());
                    assertThat(edited.subjectLabel()).isEqualTo("Carol (Carol Signs) <" + added.email() + ">");
                    assertThat(edited.changes())
                            .containsExactly(
                                    new FieldChange("company", null, "Carol Signs"),
                                    new FieldChange("billingAddress", null, "1 High Street"));
                });
        madeBy(entry(AuditSubject.CLIENT, "INVITED"), org.manager());
        AuditEntry activated = entry(AuditSubject.CLIENT, "ACTIVATED");
        assertThat(activated.actorEmail()).isEqualTo(added.email());
        assertThat(activated.address()).isEqualTo(ADDRESS);
        assertThat(activated.subjectId()).isEqualTo(added.id());
    }

    @Test
    void recordsPlansAddedAndChangedAndTheSettingsBeforeAndAfter() {
        Plan quarterly;
        OrganisationSettings before = OrganisationSettings.of(accounts.organisation(org.owner()));
        try (var request = CallerAddress.of(ADDRESS)) {
            quarterly =
                    plans.addPlan(org.owner(), new NewPlan("Quarterly", Period.ofMonths(3), new BigDecimal("27.00")));
            plans.updatePlan(
                    org.owner(), quarterly.id(), new NewPlan("Quarterly", Period.ofMonths(3), new BigDecimal("29.50")));
            accounts.updateSettings(
                    org.owner(),
                    new OrganisationSettings(
                            before.name(),
                            "Signs Ltd",
                            before.address(),
                            before.currency(),
                            new BigDecimal("21.00"),
                            before.invoicePrefix(),
                            before.paymentTermsDays(),
                            before.senderName(),
                            before.senderEmail(),
                            before.expiringSoonDays(),
                            Language.EN));
        }

        AuditEntry added = entry(AuditSubject.PLAN, "ADDED");
        madeBy(added, org.owner());
        assertThat(added.subjectLabel()).isEqualTo("Quarterly");
        assertThat(added.changes())
                .contains(
                        new FieldChange("name", null, "Quarterly"),
                        new FieldChange("term", null, "P3M"),
                        new FieldChange("unitPrice", null, "EUR 27.00"));
        AuditEntry changed = entry(AuditSubject.PLAN, "CHANGED");
        madeBy(changed, org.owner());
        assertThat(changed.subjectId()).isEqualTo(quarterly.id());
        assertThat(changed.changes()).containsExactly(new FieldChange("unitPrice", "EUR 27.00", "EUR 29.50"));
        AuditEntry settings = entry(AuditSubject.ORGANISATION, "SETTINGS_CHANGED");
        madeBy(settings, org.owner());
        assertThat(settings.subjectId()).isEqualTo(org.id());
        assertThat(settings.changes())
                .containsExactly(
                        new FieldChange("legalName", before.legalName(), "Signs Ltd"),
                        new FieldChange("vatRate", before.vatRate().toPlainString(), "21.00"));
    }

    @Test
    void recordsApiTokensWithoutTheirSecretAndWebhookEndpointsWithoutTheirs() {
        String secret;
        WebhookEndpoint endpoint;
        try (var request = CallerAddress.of(ADDRESS)) {
            var issued = tokens.issue(org.manager(), new NewApiToken("Shop", ApiAccess.READ_ONLY, null));
            secret = issued.secret();
            tokens.revoke(org.manager(), issued.token().id());
            tokens.revoke(org.manager(), issued.token().id());
            webhooks.allowPrivateAddresses(org.owner(), true);
            var created =
                    webhooks.register(org.owner(), new NewEndpoint("http://127.0.0.1:9/hooks", "Shop", true, Set.of()));
            endpoint = created.endpoint();
            webhooks.disable(org.owner(), endpoint.id());
            webhooks.enable(org.owner(), endpoint.id());
            webhooks.delete(org.owner(), endpoint.id());
        }

        AuditEntry issued = entry(AuditSubject.API_TOKEN, "ISSUED");
        madeBy(issued, org.manager());
        assertThat(issued.subjectLabel()).startsWith("Shop (ldk_live_");
        assertThat(issued.changes()).contains(new FieldChange("access", null, "READ_ONLY"));
        assertThat(entries(new AuditFilter(null, AuditSubject.API_TOKEN, "REVOKED", null, null, null)))
                .as("revoking twice changes nothing the second time")
                .singleElement()
                .satisfies(revoked -> assertThat(revoked.changes())
                        .singleElement()
                        .satisfies(change -> {
                            assertThat(change.field()).isEqualTo("revokedAt");
                            assertThat(change.before()).isNull();
                        }));
        assertThat(entry(AuditSubject.ORGANISATION, "SETTINGS_CHANGED").changes())
                .containsExactly(new FieldChange("webhooksToPrivateAddresses", "false", "true"));
        assertThat(entries(new AuditFilter(null, AuditSubject.WEBHOOK_ENDPOINT, null, null, null, null)))
                .extracting(AuditEntry::action)
                .containsExactly("DELETED", "ENABLED", "DISABLED", "ADDED");
        AuditEntry disabled = entry(AuditSubject.WEBHOOK_ENDPOINT, "DISABLED");
        madeBy(disabled, org.owner());
        assertThat(disabled.subjectLabel()).isEqualTo("http://127.0.0.1:9/hooks");
        assertThat(disabled.changes()).containsExactly(new FieldChange("enabled", "true", "false"));
        String everything = jdbc.sql("select * from audit_event where organisation_id = :org")
                .param("org", org.id())
                .query((rs, row) ->
                        rs.getString("before_state") + rs.getString("after_state") + rs.getString("subject_label"))
                .list()
                .toString();
        assertThat(everything).doesNotContain(secret).doesNotContain(secret.substring("ldk_live_".length()));
    }

    @Test
    void recordsARefusedCouponCodeByItsFirstCharactersAndAPasswordChangeWithoutThePassword() {
        TestOrganisation other = organisations.create();
        LicenceDetails othersLicence = licences.create(
                other.manager(), new NewLicence(fixture.monthlyPlan(other).id(), "Theirs", null, 1, null));
        try (var request = CallerAddress.of(ADDRESS)) {
            String code = othersLicence.couponCode().value();
            assertThatThrownBy(() -> clientLicences.redeem(org.alice(), code.toLowerCase()))
                    .isInstanceOf(CodeNotRedeemableException.class);
            assertThatThrownBy(() -> clientLicences.redeem(org.alice(), "not a code!"))
                    .isInstanceOf(CodeNotRedeemableException.class);
            passwords.changePassword(org.alice(), TestOrganisation.PASSWORD, "a much longer secret 1");
        }

        List<AuditEntry> refusals = entries(new AuditFilter(null, AuditSubject.COUPON_CODE, null, null, null, null));
        assertThat(refusals)
                .extracting(AuditEntry::subjectLabel)
                .containsExactly(
                        "not a code", othersLicence.couponCode().value().substring(0, 2) + "******");
        assertThat(refusals).allSatisfy(refused -> {
            madeBy(refused, org.alice());
            assertThat(refused.subjectId()).isNull();
        });
        madeBy(entry(AuditSubject.USER, "PASSWORD_CHANGED"), org.alice());
        String everything = jdbc.sql("select * from audit_event where organisation_id = :org")
                .param("org", org.id())
                .query((rs, row) ->
                        rs.getString("before_state") + rs.getString("after_state") + rs.getString("subject_label"))
                .list()
                .toString();
        assertThat(everything)
                .doesNotContain(othersLicence.couponCode().value())
                .doesNotContain("a much longer secret 1");
    }

    @Test
    void recordsNoAddressForWorkDoneOutsideARequest() {
        LicenceDetails created = licence("Lobby", null);
        licences.pause(org.manager(), created.id());

        AuditEntry paused = entry(AuditSubject.LICENCE, "PAUSED");
        assertThat(paused.address()).isNull();
        assertThat(paused.actorEmail()).isEqualTo(org.manager().email());
        assertThat(paused.subjectLabel())
                .isEqualTo("Lobby (" + created.couponCode().value() + ")");
        assertThat(paused.changes()).containsExactly(new FieldChange("status", "Available", "Paused"));
    }

    @Test
    void filtersByWhoWhatWhenAndObject() {
        LicenceDetails lobby = licence("Lobby", null);
        LicenceDetails bar = licence("Bar", null);
        licences.pause(org.owner(), lobby.id());
        licences.pause(org.manager(), bar.id());
        LocalDate today = LocalDate.now(clock);

        assertThat(entries(new AuditFilter(
                        org.owner().email().toUpperCase().substring(0, 12), null, null, null, null, null)))
                .extracting(AuditEntry::action)
                .containsExactly("PAUSED", "ADDED");
        assertThat(entries(new AuditFilter(null, AuditSubject.LICENCE, null, null, null, null)))
                .extracting(AuditEntry::action)
                .containsExactly("PAUSED", "PAUSED", "CREATED", "CREATED");
        assertThat(entries(new AuditFilter(null, null, "CREATED", null, null, null)))
                .extracting(AuditEntry::subjectId)
                .containsExactly(bar.id(), lobby.id());
        assertThat(entries(new AuditFilter(null, null, null, null, null, "lobby")))
                .extracting(AuditEntry::action)
                .containsExactly("PAUSED", "CREATED");
        assertThat(entries(new AuditFilter(null, AuditSubject.LICENCE, null, null, null, "#" + bar.id())))
                .extracting(AuditEntry::subjectId)
                .containsOnly(bar.id())
                .hasSize(2);
        assertThat(entries(new AuditFilter(org.manager().email(), AuditSubject.LICENCE, "PAUSED", today, today, "bar")))
                .singleElement()
                .satisfies(entry -> assertThat(entry.subjectId()).isEqualTo(bar.id()));
        assertThat(entries(new AuditFilter(null, null, null, today, today, null)))
                .hasSize(5);
        assertThat(entries(new AuditFilter(null, null, null, today.plusDays(1), null, null)))
                .isEmpty();
        assertThat(entries(new AuditFilter(null, null, null, null, today.minusDays(1), null)))
                .isEmpty();
        assertThat(entries(new AuditFilter("\u0000", null, null, null, null, "a\u0000")))
                .isEmpty();
        assertThat(entries(new AuditFilter("%", null, null, null, null, "_"))).isEmpty();
    }

    @Test
    void pagesNewestFirstWithCursorsBothWays() {
        for (int i = 1; i <= 60; i++) {
            LicenceDetails created = licence("Screen " + i, null);
            licences.pause(org.manager(), created.id());
        }
        List<AuditEntry> all = entries(AuditFilter.ANY);
        assertThat(all).hasSize(121);
        assertThat(all).extracting(AuditEntry::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        AuditPage first = log.page(org.manager(), AuditFilter.ANY, AuditPageRequest.first(50));
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        AuditPage second =
                log.page(org.manager(), AuditFilter.ANY, new AuditPageRequest(first.nextCursor(), null, false, 50));
        AuditPage third =
                log.page(org.manager(), AuditFilter.ANY, new AuditPageRequest(second.nextCursor(), null, false, 50));
        assertThat(third.entries()).hasSize(21);
        assertThat(third.hasNext()).isFalse();
        assertThat(third.entries()).isEqualTo(all.subList(100, 121));

        AuditPage back =
                log.page(org.manager(), AuditFilter.ANY, new AuditPageRequest(null, third.previousCursor(), false, 50));
        assertThat(back.entries()).isEqualTo(second.entries()).isEqualTo(all.subList(50, 100));
        AuditPage backToFirst =
                log.page(org.manager(), AuditFilter.ANY, new AuditPageRequest(null, back.previousCursor(), false, 50));
        assertThat(backToFirst.entries()).isEqualTo(first.entries());
        assertThat(backToFirst.hasPrevious()).isFalse();
        AuditPage last = log.page(org.manager(), AuditFilter.ANY, new AuditPageRequest(null, null, true, 50));
        assertThat(last.entries()).isEqualTo(all.subList(71, 121));
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
    }

    @Test
    void exportsWhatThePagesShow() {
        for (int i = 1; i <= 30; i++) {
            licences.pause(org.manager(), licence("Screen " + i, null).id());
        }
        AuditFilter paused = new AuditFilter(null, AuditSubject.LICENCE, "PAUSED", null, null, "screen");
        List<AuditEntry> exported = new ArrayList<>();
        log.export(org.manager(), paused, exported::add);

        assertThat(exported).hasSize(30).isEqualTo(entries(paused));
    }

    @Test
    void showsOnlyTheCallersOrganisationAndOnlyToItsStaff() {
        TestOrganisation other = organisations.create();
        Plan theirs = fixture.monthlyPlan(other);
        LicenceDetails theirLicence =
                licences.create(other.manager(), new NewLicence(theirs.id(), "Theirs", null, 1, null));
        LicenceDetails ours = licence("Ours", null);

        assertThat(entries(org.owner(), AuditFilter.ANY))
                .extracting(AuditEntry::subjectLabel)
                .doesNotContain("Theirs (" + theirLicence.couponCode().value() + ")")
                .containsExactly("Ours (" + ours.couponCode().value() + ")", "Monthly");
        assertThat(entries(
                        org.owner(),
                        new AuditFilter(null, AuditSubject.LICENCE, null, null, null, "#" + theirLicence.id())))
                .isEmpty();
        List<AuditEntry> exported = new ArrayList<>();
        log.export(org.owner(), new AuditFilter(null, null, null, null, null, "Theirs"), exported::add);
        assertThat(exported).isEmpty();
        assertThat(entries(other.manager(), AuditFilter.ANY))
                .extracting(AuditEntry::subjectLabel)
                .containsExactly("Theirs (" + theirLicence.couponCode().value() + ")", "Monthly");
        assertThatThrownBy(() -> log.page(org.alice(), AuditFilter.ANY, AuditPageRequest.first(50)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> log.export(org.alice(), AuditFilter.ANY, entry -> {}))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void keepsEveryEntryAsItWasWritten() {
        licence("Lobby", null);
        long rows = count();

        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'TAMPERED' where organisation_id = :org")
                        .param("org", org.id())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where organisation_id = :org")
                        .param("org", org.id())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(count()).isEqualTo(rows);
        assertThat(entries(AuditFilter.ANY)).extracting(AuditEntry::action).doesNotContain("TAMPERED");
    }

    long count() {
        return jdbc.sql("select count(*) from audit_event where organisation_id = :org")
                .param("org", org.id())
                .query(Long.class)
                .single();
    }
}

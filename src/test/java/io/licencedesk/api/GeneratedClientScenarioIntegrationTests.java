package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.IssuedApiToken;
import io.licencedesk.accounts.NewApiToken;
import io.licencedesk.accounts.Role;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.client.ApiClient;
import io.licencedesk.client.ApiException;
import io.licencedesk.client.ApiResponse;
import io.licencedesk.client.api.ClientsApi;
import io.licencedesk.client.api.InvoicesApi;
import io.licencedesk.client.api.LicenceImportsApi;
import io.licencedesk.client.api.LicencesApi;
import io.licencedesk.client.api.PlansApi;
import io.licencedesk.client.api.PortalApi;
import io.licencedesk.client.model.Client;
import io.licencedesk.client.model.ClientLicence;
import io.licencedesk.client.model.CreateClient;
import io.licencedesk.client.model.CreateLicence;
import io.licencedesk.client.model.CreatePlan;
import io.licencedesk.client.model.FieldChange;
import io.licencedesk.client.model.HistoryEntry;
import io.licencedesk.client.model.HistoryPage;
import io.licencedesk.client.model.Invoice;
import io.licencedesk.client.model.InvoicePage;
import io.licencedesk.client.model.Licence;
import io.licencedesk.client.model.LicenceChanges;
import io.licencedesk.client.model.LicenceImport;
import io.licencedesk.client.model.LicenceListItem;
import io.licencedesk.client.model.LicencePage;
import io.licencedesk.client.model.MarkPaid;
import io.licencedesk.client.model.NumberedPageLicenceImport;
import io.licencedesk.client.model.Plan;
import io.licencedesk.client.model.Redemption;
import io.licencedesk.client.model.SendInvoices;
import io.licencedesk.client.model.SendOutcome;
import io.licencedesk.support.TestFixture;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reseller's scenario of issue 10 driven through the Java client generated from the OpenAPI snapshot (decision
 * 0044), over real HTTP to the running server: a client and an unassigned licence, the client redeeming its coupon
 * with its own token, the filtered licence list followed page by page, pause and resume, invoices sent twice with
 * one Idempotency-Key, the PDF, payment, and a revoked token refused (H2; PostgreSQL in the subclass).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GeneratedClientScenarioIntegrationTests {

    @LocalServerPort
    int port;

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestFixture fixture;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    ApiClient owner;
    ApiClient manager;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        owner = api(fixture.token(org.owner()));
        manager = api(fixture.token(org.manager()));
    }

    /** The generated client, on the running server, sending this token. */
    ApiClient api(String token) {
        ApiClient api = new ApiClient();
        api.updateBaseUri("http://localhost:" + port);
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return api;
    }

    long emails() {
        return jdbc.sql("select count(*) from outbound_email").query(Long.class).single();
    }

    @Test
    void aResellersScenarioRunsThroughTheGeneratedClient() throws Exception {
        // the owner makes a plan; a manager adds a client and, for another client, a licence the filter must leave out
        Plan plan = new PlansApi(owner)
                .createPlan(new CreatePlan().name("Quarterly").term("P3M").unitPrice("30.00"), null);
        assertThat(plan.getUnitPrice().getAmount()).isEqualTo("30.00");
        assertThat(plan.getUnitPrice().getCurrency()).isEqualTo("EUR");

        String email = "carla-" + UUID.randomUUID() + "@example.com";
        Client client = new ClientsApi(manager)
                .createClient(new CreateClient().name("Carla Diaz").email(email).company("Kino"), null);
        assertThat(client.getId()).isPositive();
        assertThat(client.getEmail()).isEqualTo(email);
        assertThat(client.getPortalAccess()).isEqualTo(Client.PortalAccessEnum.NOT_INVITED);
        assertThat(new ClientsApi(manager).getClient(client.getId(), null).getCompany())
                .isEqualTo("Kino");

        // a CSV file sent to check (nothing is created before it is confirmed); the imports' list names it
        java.nio.file.Path file = java.nio.file.Files.createTempFile("licences", ".csv");
        java.nio.file.Files.writeString(file, "name,plan,screens\nKiosk,Quarterly,1\n");
        LicenceImportsApi imports = new LicenceImportsApi(manager);
        LicenceImport started = imports.startLicenceImport(file.toFile(), "book.csv", null);
        java.nio.file.Files.delete(file);
        NumberedPageLicenceImport importList = imports.listLicenceImports(null, null);
        assertThat(importList.getTotal()).isEqualTo(1);
        assertThat(importList.getHasMore()).isFalse();
        assertThat(importList.getData())
                .extracting(LicenceImport::getId, LicenceImport::getFileName)
                .containsExactly(tuple(started.getId(), "book.csv"));

        LicencesApi licences = new LicencesApi(manager);
        Licence aliceLicence = licences.createLicence(
                new CreateLicence()
                        .planId(plan.getId())
                        .name("Alice's lobby")
                        .quantity(1)
                        .clientId(org.alice().userId()),
                null);
        assertThat(aliceLicence.getClient().getId()).isEqualTo(org.alice().userId());

        // an unassigned licence: a coupon code and no client
        Licence foyer = licences.createLicence(
                new CreateLicence().planId(plan.getId()).name("Foyer").quantity(2), null);
        assertThat(foyer.getStatus()).isEqualTo(Licence.StatusEnum.AVAILABLE);
        assertThat(foyer.getClient()).isNull();
        assertThat(foyer.getCode()).isNotBlank();

        // the new client redeems it with a token of their own
        IssuedApiToken clientToken = tokens.issue(
                new Caller(client.getId(), org.id(), Role.CLIENT, email, "Carla Diaz"),
                new NewApiToken("Carla's integration", ApiAccess.READ_WRITE, null));
        PortalApi portal = new PortalApi(api(clientToken.secret()));
        assertThatThrownBy(() -> portal.redeemCoupon(new Redemption().code("NOPE-NOPE-NOPE"), null))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.getCode()).isEqualTo(422));
        ClientLicence redeemed = portal.redeemCoupon(new Redemption().code(foyer.getCode()), null);
        assertThat(redeemed.getId()).isEqualTo(foyer.getId());
        assertThat(redeemed.getStatus()).isEqualTo(ClientLicence.StatusEnum.ACTIVE);
        assertThat(redeemed.getActivatedOn()).isNotNull();
        assertThat(portal.listMyLicences(null, null).getTotal()).isEqualTo(1);
        Licence taken = licences.getLicence(foyer.getId(), null);
        assertThat(taken.getClient().getId()).isEqualTo(client.getId());
        assertThat(taken.getStatus()).isEqualTo(Licence.StatusEnum.ACTIVE);

        // two more of the client's licences; the list filtered to the client, two a page, followed by its cursor
        Licence left = licences.createLicence(
                new CreateLicence()
                        .planId(plan.getId())
                        .name("Left wall")
                        .quantity(1)
                        .clientId(client.getId()),
                null);
        Licence right = licences.createLicence(
                new CreateLicence()
                        .planId(plan.getId())
                        .name("Right wall")
                        .quantity(3)
                        .clientId(client.getId()),
                null);
        LicencePage first =
                licences.listLicences(client.getId(), null, null, null, null, "name", "asc", null, null, 2, null);
        assertThat(first.getCount()).isEqualTo(3);
        assertThat(first.getHasMore()).isTrue();
        assertThat(first.getNextCursor()).isNotBlank();
        assertThat(first.getData()).extracting(LicenceListItem::getName).containsExactly("Foyer", "Left wall");
        LicencePage second = licences.listLicences(
                client.getId(), null, null, null, null, "name", "asc", first.getNextCursor(), null, 2, null);
        assertThat(second.getHasMore()).isFalse();
        assertThat(second.getData()).extracting(LicenceListItem::getName).containsExactly("Right wall");
        assertThat(second.getData().get(0).getClient().getId()).isEqualTo(client.getId());
        assertThat(second.getPreviousCursor()).isNotBlank();
        List<Long> listed = new ArrayList<>();
        first.getData().forEach(row -> listed.add(row.getId()));
        second.getData().forEach(row -> listed.add(row.getId()));
        assertThat(listed).containsExactlyInAnyOrder(foyer.getId(), left.getId(), right.getId());
        // a search narrows it further
        assertThat(licences.listLicences(client.getId(), null, null, null, "wall", null, null, null, null, null, null)
                        .getCount())
                .isEqualTo(2);

        // staff read a licence's screens as the console shows them: none registered yet
        var screens = licences.listLicenceScreens(right.getId(), null, null);
        assertThat(screens.getTotal()).isZero();
        assertThat(screens.getData()).isEmpty();

        // pause and resume; pausing twice is refused by the licence's state
        assertThat(licences.pauseLicence(foyer.getId(), null).getStatus()).isEqualTo(Licence.StatusEnum.PAUSED);
        assertThat(portal.getMyLicence(foyer.getId(), null).getStatus()).isEqualTo(ClientLicence.StatusEnum.PAUSED);
        // the client reads its screens a numbered page at a time, as staff do (decision 0140)
        var myScreens = portal.listScreens(foyer.getId(), 1, 10);
        assertThat(myScreens.getTotal()).isZero();
        assertThat(myScreens.getLimit()).isEqualTo(10);
        assertThatThrownBy(() -> licences.pauseLicence(foyer.getId(), null))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.getCode()).isEqualTo(409));
        assertThat(licences.resumeLicence(foyer.getId(), null).getStatus()).isEqualTo(Licence.StatusEnum.ACTIVE);
        // its history, newest first, a page at a time
        var history = licences.getLicenceHistory(foyer.getId(), null, null, 2);
        assertThat(history.getData()).extracting(entry -> entry.getAction()).containsExactly("resumed", "paused");
        assertThat(history.getHasMore()).isTrue();
        var older = licences.getLicenceHistory(foyer.getId(), history.getNextCursor(), null, 100);
        assertThat(older.getData()).extracting(entry -> entry.getAction()).endsWith("created");

        // change what the rules allow: a new name and note (fields left out stay), but a used licence keeps its client
        ApiResponse<Licence> read = licences.getLicenceWithHttpInfo(foyer.getId(), null);
        String etag = read.getHeaders().get("etag").get(0);
        Licence changed = licences.updateLicence(
                foyer.getId(), new LicenceChanges().name("Foyer, left wall").note("Above the desk"), etag);
        assertThat(changed.getName()).isEqualTo("Foyer, left wall");
        assertThat(changed.getNote()).isEqualTo("Above the desk");
        assertThat(changed.getQuantity()).isEqualTo(foyer.getQuantity());
        // the history's values are text, even of digits only: a name "2026", a count, a code (FieldChange's
        // beforeValue and afterValue are Strings in the generated client, not a wrapper guessing a number)
        // the ETag read before that change no longer matches: 412, and the name stays (decision 0130)
        assertThatThrownBy(() -> licences.updateLicence(foyer.getId(), new LicenceChanges().name("Stale"), etag))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.getCode()).isEqualTo(412));
        licences.updateLicence(foyer.getId(), new LicenceChanges().name("2026"), null);
        FieldChange renamed = change(licences.getLicenceHistory(foyer.getId(), null, null, 1), "name");
        String before = renamed.getBeforeValue();
        String after = renamed.getAfterValue();
        assertThat(before).isEqualTo("Foyer, left wall");
        assertThat(after).isEqualTo("2026");
        HistoryEntry created = licences.getLicenceHistory(foyer.getId(), null, null, 100).getData().stream()
                .filter(entry -> entry.getAction().equals("created"))
                .findFirst()
                .orElseThrow();
        assertThat(change(created, "quantity").getAfterValue()).isEqualTo(String.valueOf(foyer.getQuantity()));
        assertThat(change(created, "couponCode").getAfterValue()).isEqualTo(foyer.getCode());
        assertThatThrownBy(() -> licences.updateLicence(
                        foyer.getId(), new LicenceChanges().clientId(org.alice().userId()), null))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.getCode()).isEqualTo(422));

        // invoices for the client's three licences, sent twice with one Idempotency-Key: one invoice per licence
        InvoicesApi invoices = new InvoicesApi(manager);
        SendInvoices all = new SendInvoices().licenceIds(List.of(foyer.getId(), left.getId(), right.getId()));
        String key = UUID.randomUUID().toString();
        long emailsBefore = emails();
        ApiResponse<SendOutcome> sent = invoices.sendInvoicesWithHttpInfo(all, key);
        ApiResponse<SendOutcome> retried = invoices.sendInvoicesWithHttpInfo(all, key);
        assertThat(sent.getStatusCode()).isEqualTo(200);
        assertThat(sent.getData().getIssued())
                .extracting(Invoice::getLicenceId)
                .containsExactlyInAnyOrder(foyer.getId(), left.getId(), right.getId());
        assertThat(sent.getData().getResent()).isEmpty();
        assertThat(header(sent, "Idempotent-Replayed")).isEmpty();
        assertThat(header(retried, "Idempotent-Replayed")).containsExactly("true");
        assertThat(retried.getData()).isEqualTo(sent.getData());
        assertThat(emails()).isEqualTo(emailsBefore + 3);
        InvoicePage clientsInvoices = invoices.listInvoices(null, client.getId(), null, null, null, null, null);
        assertThat(clientsInvoices.getTotal()).isEqualTo(3);
        assertThat(clientsInvoices.getData())
                .extracting(Invoice::getLicenceId)
                .containsExactlyInAnyOrder(foyer.getId(), left.getId(), right.getId());
        Invoice foyerInvoice = sent.getData().getIssued().stream()
                .filter(invoice -> invoice.getLicenceId().equals(foyer.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(foyerInvoice.getClientId()).isEqualTo(client.getId());
        assertThat(foyerInvoice.getStatus()).isEqualTo(Invoice.StatusEnum.ISSUED); // sent once the outbox delivers
        assertThat(foyerInvoice.getPayable()).isTrue();
        assertThat(foyerInvoice.getSubtotal().getAmount()).isEqualTo("60.00");

        // the PDF, for staff and for the client
        assertThat(downloaded(invoices.getInvoicePdf(foyerInvoice.getId()))).startsWith(pdfMagic());
        assertThat(downloaded(portal.getMyInvoicePdf(foyerInvoice.getId()))).startsWith(pdfMagic());

        // marked paid, only as read (If-Match with the invoice's ETag); the paid list and the client's own view agree
        String invoiceTag = invoices.getInvoiceWithHttpInfo(foyerInvoice.getId(), null)
                .getHeaders()
                .get("etag")
                .get(0);
        Invoice paid = invoices.markInvoicePaid(
                foyerInvoice.getId(),
                new MarkPaid().paidOn(LocalDate.now(clock)).reference("BANK-1"),
                invoiceTag,
                null);
        assertThat(paid.getStatus()).isEqualTo(Invoice.StatusEnum.PAID);
        assertThat(paid.getPaymentReference()).isEqualTo("BANK-1");
        assertThat(invoices.listInvoices("paid", client.getId(), null, null, null, null, null)
                        .getData())
                .extracting(Invoice::getId)
                .containsExactly(foyerInvoice.getId());
        Invoice clientsView = portal.getMyInvoice(foyerInvoice.getId());
        assertThat(clientsView.getStatus()).isEqualTo(Invoice.StatusEnum.PAID);
        assertThat(clientsView.getPayable()).isFalse();
        assertThat(clientsView.getHowToPay()).isNull();
        assertThat(clientsView.getPaidOn()).isEqualTo(LocalDate.now(clock));
        assertThat(licences.getLicence(foyer.getId(), null).getBillingStatus())
                .isEqualTo(Licence.BillingStatusEnum.PAID);

        // the accountant's file of the paid invoices: the same one, as the list has it
        String paidFile = new String(
                downloaded(invoices.exportInvoices("paid", client.getId(), null, null, null, null)),
                StandardCharsets.UTF_8);
        assertThat(paidFile.lines().toList()).hasSize(2).first().asString().startsWith("\uFEFFnumber,issued,due,");
        assertThat(paidFile.lines().toList().get(1))
                .startsWith(paid.getNumber() + ",")
                .contains(",BANK-1");
        // and the same file for Excel in Europe (decision 0140)
        String forExcel = new String(
                downloaded(invoices.exportInvoices("paid", client.getId(), null, null, null, "semicolon")),
                StandardCharsets.UTF_8);
        assertThat(forExcel.lines().toList()).hasSize(2).first().asString().startsWith("\uFEFFnumber;issued;due;");
        assertThat(forExcel.lines().toList().get(1))
                .startsWith(paid.getNumber() + ";")
                .contains(";BANK-1");

        // the client's token revoked: its next call is refused, while the manager's still counts
        tokens.revoke(
                new Caller(client.getId(), org.id(), Role.CLIENT, email, "Carla Diaz"),
                clientToken.token().id());
        assertThatThrownBy(() -> portal.listMyLicences(null, null))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        refused -> assertThat(refused.getCode()).isEqualTo(401));
        assertThat(licences.getLicence(foyer.getId(), null).getId()).isEqualTo(foyer.getId());
    }

    /** The change of this field in the newest entry of a page of history. */
    static FieldChange change(HistoryPage page, String field) {
        return change(page.getData().get(0), field);
    }

    static FieldChange change(HistoryEntry entry, String field) {
        return entry.getChanges().stream()
                .filter(change -> change.getField().equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + field + " in " + entry));
    }

    /** The values of one header of an answer (names are case-insensitive). */
    static List<String> header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .toList();
    }

    /** The bytes of a downloaded file, which the generated client writes to a temporary file; deleted here. */
    static byte[] downloaded(File download) throws IOException {
        try {
            return Files.readAllBytes(download.toPath());
        } finally {
            Files.deleteIfExists(download.toPath());
        }
    }

    static byte[] pdfMagic() {
        return "%PDF".getBytes(StandardCharsets.US_ASCII);
    }
}

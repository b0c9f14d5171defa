package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.licence.LicenceRow;
import io.licencedesk.licence.LicenceSort;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The CSV downloads of the licence list, the invoices and the clients, as a browser receives them. */
@IntegrationTest
class ConsoleExportIntegrationTests {

    static final String LICENCE_HEADER = "code,name,note,client_email,client_company,plan,screens,amount,currency,"
            + "status,billing_status,created,activated,ends";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    Clock clock;

    TestOrganisation org;
    TestOrganisation other;
    Plan monthly;
    RequestPostProcessor manager;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
        monthly = fixture.monthlyPlan(org);
        manager = fixture.signedIn(org.manager().email());
    }

    LicenceDetails create(String name, String note, int screens, Long clientId) {
        return licences.create(org.manager(), new NewLicence(monthly.id(), name, note, screens, clientId));
    }

    String download(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The records of a file, header first; the byte order mark is checked and left out. */
    static List<CSVRecord> records(String file) throws IOException {
        assertThat(file).startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(file.substring(1))).getRecords();
    }

    static List<Map<String, String>> rows(String file) throws IOException {
        var all = records(file);
        List<String> header = all.get(0).toList();
        return all.subList(1, all.size()).stream()
                .map(record -> {
                    var row = new java.util.LinkedHashMap<String, String>();
                    for (int i = 0; i < header.size(); i++) {
                        row.put(header.get(i), record.get(i));
                    }
                    return (Map<String, String>) row;
                })
                .toList();
    }

    List<String> listedCodes(LicenceFilter filter) {
        List<String> codes = new ArrayList<>();
        var listing = licences.list(org.manager(), filter, LicencePageRequest.first(25));
        listing.rows().stream().map(LicenceRow::couponCode).forEach(codes::add);
        while (listing.hasNext()) {
            listing =
                    licences.list(org.manager(), filter, new LicencePageRequest(listing.nextCursor(), null, false, 25));
            listing.rows().stream().map(LicenceRow::couponCode).forEach(codes::add);
        }
        return codes;
    }

    @Test
    void downloadsTheFilteredListEveryPageInItsOrder() throws Exception {
        for (int number = 1; number <= 30; number++) {
            create(
                    "Screen %02d".formatted(number % 12),
                    null,
                    1 + number % 4,
                    number % 3 == 0 ? null : org.alice().userId());
        }
        create("Other", null, 1, org.alice().userId());

        String file = download(get("/licences/export.csv")
                .param("q", "screen")
                .param("client", "" + org.alice().userId())
                .param("sort", "name")
                .param("dir", "asc")
                .param("size", "10")
                .param("after", "ignored"));

        var expected =
                listedCodes(new LicenceFilter(org.alice().userId(), false, false, "screen", LicenceSort.NAME, true));
        assertThat(expected).hasSize(20);
        assertThat(rows(file)).extracting(row -> row.get("code")).isEqualTo(expected);
    }

    @Test
    void writesUtf8WithDocumentedColumnsRfc4180QuotingAndIsoDates() throws Exception {
        LicenceDetails licence = create(
                "Café \"Zürich\", Ost",
                "First line\nsecond, \"quoted\" line",
                3,
                org.bob().userId());

        var response = mvc.perform(get("/licences/export.csv").with(manager))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"licences-" + LocalDate.now(clock) + ".csv\""))
                .andReturn()
                .getResponse();
        String file = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(file).startsWith("\uFEFF" + LICENCE_HEADER + "\r\n");
        assertThat(file).contains("\"Café \"\"Zürich\"\", Ost\",\"First line\nsecond, \"\"quoted\"\" line\"");
        var row = rows(file).get(0);
        assertThat(row)
                .containsEntry("code", licence.couponCode().value())
                .containsEntry("name", "Café \"Zürich\", Ost")
                .containsEntry("note", "First line\nsecond, \"quoted\" line")
                .containsEntry("client_email", org.bob().email())
                .containsEntry("client_company", "Bob Ltd")
                .containsEntry("plan", "Monthly")
                .containsEntry("screens", "3")
                .containsEntry("amount", "30.00")
                .containsEntry("currency", "EUR")
                .containsEntry("status", "assigned")
                .containsEntry("billing_status", "unbilled")
                .containsEntry("activated", "")
                .containsEntry("ends", "");
        assertThat(row.get("created")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }

    @Test
    void neutralisesCellsThatASpreadsheetWouldRun() throws Exception {
        create("=HYPERLINK(\"http://evil.test\",\"Click\")", "-5 screens", 1, null);
        create("+1 lobby", "@SUM(A1:A2)", 1, null);
        create("Plain name", "'quoted already", 1, null);

        var rows = rows(
                download(get("/licences/export.csv").param("sort", "created").param("dir", "asc")));

        assertThat(rows)
                .extracting(row -> row.get("name"))
                .containsExactly("'=HYPERLINK(\"http://evil.test\",\"Click\")", "'+1 lobby", "Plain name");
        assertThat(rows)
                .extracting(row -> row.get("note"))
                .containsExactly("'-5 screens", "'@SUM(A1:A2)", "''quoted already");
        assertThat(rows).extracting(row -> row.get("client_email")).containsOnly("");
    }

    /** The selection's own scoping (only the caller's organisation) is LicenceExportsIntegrationTests'. */
    @Test
    void downloadsTheSelectionOfTheSession() throws Exception {
        var first = create("First", null, 1, org.alice().userId());
        create("Not selected", null, 1, org.alice().userId());
        var third = create("Third", null, 1, org.alice().userId());
        var browser = new ConsoleInvoicingIntegrationTests.Browser();
        for (long id : List.of(first.id(), third.id())) {
            browser.perform(
                            mvc,
                            post("/licences/selection")
                                    .param("id", "" + id)
                                    .param("selected", "true")
                                    .with(manager)
                                    .with(csrf()))
                    .andExpect(status().isOk());
        }

        String file = browser.perform(
                        mvc,
                        get("/licences/export.csv").param("selection", "true").with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(rows(file)).extracting(row -> row.get("name")).containsExactly("Third", "First");
    }

    @Test
    void downloadsTheInvoicesForTheAccountant() throws Exception {
        var billed = create("Billed", null, 2, org.alice().userId());
        var unpaid = create("Unpaid", null, 1, org.bob().userId());
        Invoice paid =
                invoicing.send(org.manager(), List.of(billed.id())).issued().get(0);
        invoicing.markPaid(org.manager(), paid.id(), LocalDate.now(clock), "=cmd|' /C calc'!A0");
        Invoice open =
                invoicing.send(org.manager(), List.of(unpaid.id())).issued().get(0);
        invoicing.send(
                other.manager(),
                List.of(licences.create(
                                other.manager(),
                                new NewLicence(
                                        fixture.monthlyPlan(other).id(),
                                        "Theirs",
                                        null,
                                        1,
                                        other.alice().userId()))
                        .id()));

        var response = mvc.perform(get("/invoices/export.csv").with(manager))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"invoices-" + LocalDate.now(clock) + ".csv\""))
                .andReturn()
                .getResponse();
        var all = records(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(all.get(0).toList())
                .containsExactly(
                        "number",
                        "issued",
                        "due",
                        "client_name",
                        "client_company",
                        "client_email",
                        "client_vat_number",
                        "code",
                        "plan",
                        "net",
                        "vat_rate",
                        "vat",
                        "total",
                        "currency",
                        "status",
                        "paid",
                        "payment_reference",
                        "reverse_charge",
                        "void_reason",
                        "licence_name",
                        "term_start",
                        "term_end",
                        "outside_eu_vat",
                        "screens",
                        "unit_price");
        var rows = rows(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(rows).extracting(row -> row.get("number")).containsExactly(open.number(), paid.number());
        assertThat(rows.get(1))
                .containsEntry("issued", paid.issuedOn().toString())
                .containsEntry("due", paid.dueOn().toString())
                .containsEntry("client_email", org.alice().email())
                .containsEntry("client_company", "Alice Co")
                .containsEntry("code", billed.couponCode().value())
                .containsEntry("net", "20.00")
                .containsEntry("vat", paid.totals().vat().amount().toPlainString())
                .containsEntry("total", paid.totals().total().amount().toPlainString())
                .containsEntry("currency", "EUR")
                .containsEntry("status", "paid")
                .containsEntry("paid", LocalDate.now(clock).toString())
                .containsEntry("payment_reference", "'=cmd|' /C calc'!A0")
                .containsEntry("reverse_charge", "false")
                .containsEntry("licence_name", paid.line().licenceName())
                // not activated yet: its term has no dates until the licence is first used
                .containsEntry("term_start", "")
                .containsEntry("term_end", "")
                .containsEntry("outside_eu_vat", "false")
                .containsEntry("screens", "2")
                .containsEntry("unit_price", "10.00");
        assertThat(rows.get(0)).containsEntry("status", "issued").containsEntry("paid", "");

        assertThat(rows(download(get("/invoices/export.csv").param("status", "paid"))))
                .extracting(row -> row.get("number"))
                .containsExactly(paid.number());
        assertThat(rows(download(get("/invoices/export.csv")
                        .param("client", "" + org.bob().userId()))))
                .extracting(row -> row.get("number"))
                .containsExactly(open.number());
    }

    /**
     * The accountant's file said an invoice was void but not why, which the invoice's page shows: the reason was added
     * after the columns there were, so that they keep their places (and keeps its own as columns are added after it).
     */
    @Test
    void givesAVoidInvoicesReasonInTheLastColumn() throws Exception {
        var wrong = create("Wrong", null, 1, org.alice().userId());
        Invoice voided =
                invoicing.send(org.manager(), List.of(wrong.id())).issued().get(0);
        invoicing.voidInvoice(org.manager(), voided.id(), "Sent to the wrong client, \"by mistake\"");
        var kept = create("Kept", null, 1, org.alice().userId());
        Invoice open =
                invoicing.send(org.manager(), List.of(kept.id())).issued().get(0);

        var all = records(download(get("/invoices/export.csv")));
        assertThat(all.get(0).toList().indexOf("void_reason")).isEqualTo(18);
        var rows = rows(download(get("/invoices/export.csv")));
        assertThat(rows).extracting(row -> row.get("number")).containsExactly(open.number(), voided.number());
        assertThat(rows.get(1))
                .containsEntry("status", "void")
                .containsEntry("void_reason", "Sent to the wrong client, \"by mistake\"");
        assertThat(rows.get(0)).containsEntry("status", "issued").containsEntry("void_reason", "");
    }

    @Test
    void downloadsTheClientsOfTheSearch() throws Exception {
        var all = rows(download(get("/clients/export.csv")));
        assertThat(all)
                .extracting(row -> row.get("email"))
                .containsExactly(org.alice().email(), org.bob().email());
        assertThat(all.get(0))
                .containsEntry("name", org.alice().name())
                .containsEntry("company", "Alice Co")
                .containsEntry("billing_address", "")
                .containsEntry("vat_number", "")
                .containsEntry("portal_access", "active")
                .containsEntry("enabled", "true");
        assertThat(all.get(0).get("created")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(records(download(get("/clients/export.csv"))).get(0).toList())
                .containsExactly(
                        "name",
                        "email",
                        "company",
                        "billing_address",
                        "vat_number",
                        "portal_access",
                        "enabled",
                        "created");

        assertThat(rows(download(get("/clients/export.csv").param("q", "bob ltd"))))
                .extracting(row -> row.get("email"))
                .containsExactly(org.bob().email());
    }

    @Test
    void linksEachListToItsDownloadWithTheListsQuery() throws Exception {
        long alice = org.alice().userId();
        assertThat(download(get("/licences")
                        .param("q", "lobby screens")
                        .param("client", "" + alice)
                        .param("expired", "true")
                        .param("sort", "name")
                        .param("dir", "asc")
                        .param("size", "10")))
                .contains("href=\"/licences/export.csv?size=10&amp;q=lobby+screens&amp;client=" + alice
                        + "&amp;expired=true&amp;sort=name&amp;dir=asc\"");
        assertThat(download(get("/licences"))).contains("href=\"/licences/export.csv?size=25\"");
        assertThat(download(get("/invoices").param("status", "paid").param("client", "" + alice)))
                .contains("href=\"/invoices/export.csv?status=PAID&amp;client=" + alice + "\"");
        assertThat(download(get("/invoices"))).contains("href=\"/invoices/export.csv?status=\"");
        assertThat(download(get("/invoices")
                        .param("status", "overdue")
                        .param("issued", "2026-10")
                        .param("paid", "2026-11")))
                .contains("href=\"/invoices/export.csv?status=overdue&amp;issued=2026-10&amp;paid=2026-11\"");
        assertThat(download(get("/clients").param("q", "bob ltd")))
                .contains("href=\"/clients/export.csv?q=bob%20ltd\"");
    }

    /**
     * A query string the list cannot bind at all is the export's 400 page too, and what it can read the export reads
     * alike: never a server error. (What the list leaves out and names, the export refuses: see below.)
     */
    @Test
    void answersBadInputAsTheListsDo() throws Exception {
        List<Map<String, String>> queries = List.of(
                Map.of("client", "abc"),
                Map.of("size", "many"),
                Map.of("soon", "maybe"),
                Map.of("size", "7"),
                Map.of("q", "\u0000"),
                Map.of("q", "%_\\"),
                Map.of("after", "not-a-cursor"));
        for (var query : queries) {
            var list = get("/licences");
            var export = get("/licences/export.csv");
            query.forEach((name, value) -> {
                list.param(name, value);
                export.param(name, value);
            });
            int listStatus =
                    mvc.perform(list.with(manager)).andReturn().getResponse().getStatus();
            int exportStatus =
                    mvc.perform(export.with(manager)).andReturn().getResponse().getStatus();
            assertThat(exportStatus).as(query.toString()).isLessThan(500);
            if (!query.containsKey("after")) {
                assertThat(exportStatus).as(query.toString()).isEqualTo(listStatus);
            }
        }
        mvc.perform(get("/licences/export.csv").param("selection", "maybe").with(manager))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/invoices/export.csv").param("client", "x").with(manager))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/clients/export.csv").param("q", "\u0000").with(manager))
                .andExpect(status().isOk());
    }

    /** The page shown instead of a file: its status, and what it says without the page around it. */
    record Refusal(int status, String contentType, String disposition, String says, String backTo) {}

    Refusal refusal(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(manager)).andReturn().getResponse();
        var section =
                Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).selectFirst("main section");
        return new Refusal(
                response.getStatus(),
                response.getContentType(),
                response.getHeader("Content-Disposition"),
                section == null ? "" : section.select("h1, p, li").eachText().toString(),
                section == null ? "" : section.select("a").attr("href"));
    }

    /**
     * A hand-typed address naming another organisation's client, or a client id of nobody, downloaded an empty file
     * as if that client had nothing. Now no file: the same 400 page for both, saying why, with a way back.
     */
    @Test
    void refusesADownloadForAClientNotOfTheOrganisationTheSameWayWhoeverItIs() throws Exception {
        create("Lobby", null, 1, org.alice().userId());
        long theirs = other.alice().userId();
        long nobodys = 987_654_321L;

        for (String list : List.of("licences", "invoices")) {
            Refusal forTheirs = refusal(get("/" + list + "/export.csv").param("client", "" + theirs));
            Refusal forNobodys = refusal(get("/" + list + "/export.csv").param("client", "" + nobodys));

            assertThat(forTheirs.status()).as(list).isEqualTo(400);
            assertThat(forTheirs.contentType()).as(list).startsWith("text/html");
            assertThat(forTheirs.disposition()).as(list).isNull();
            assertThat(forTheirs.says())
                    .as(list)
                    .contains("Nothing was downloaded", "The client asked for is not one of your clients.");
            assertThat(forTheirs.backTo()).as(list).startsWith("/" + list + "?").doesNotContain("client=");
            assertThat(forNobodys).as(list).isEqualTo(forTheirs);
        }
    }

    /**
     * A sort, direction, status, day or month the list cannot read was exported as if it had not been asked for (the
     * default sort, every status): a file other than the one asked for. Now each is named and no file is made.
     */
    @Test
    void refusesADownloadWhoseFiltersOrSortAreNotUnderstoodAndNamesEach() throws Exception {
        Refusal licences = refusal(get("/licences/export.csv")
                .param("sort", "bogus")
                .param("dir", "sideways")
                .param("status", "sleeping")
                .param("inUseOn", "yesterday")
                .param("size", "7")
                .param("client", "" + other.alice().userId()));
        assertThat(licences.status()).isEqualTo(400);
        assertThat(licences.disposition()).isNull();
        assertThat(licences.says())
                .contains(
                        "The status “sleeping” was not understood.",
                        "The day “yesterday” was not understood",
                        "The sort column “bogus” is not one of the list’s",
                        "The sort direction “sideways” was not understood",
                        "The client asked for is not one of your clients.")
                .doesNotContain("page size");
        assertThat(licences.backTo()).isEqualTo("/licences?size=25");

        Refusal invoices = refusal(get("/invoices/export.csv")
                .param("status", "bogus")
                .param("issued", "2026-13")
                .param("paid", "soon"));
        assertThat(invoices.status()).isEqualTo(400);
        assertThat(invoices.disposition()).isNull();
        assertThat(invoices.says())
                .contains(
                        "The status “bogus” was not understood.",
                        "The month of issue “2026-13” was not understood",
                        "The month of payment “soon” was not understood");
        assertThat(invoices.backTo()).isEqualTo("/invoices?status=&page=1");

        String french = mvc.perform(get("/licences/export.csv")
                        .param("sort", "bogus")
                        .header("Accept-Language", "fr")
                        .with(manager))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(french).contains("Rien n’a été téléchargé", "La colonne de tri «\u00a0bogus\u00a0»");
    }

    /** The records of a file for Excel set to French or German: semicolons, quoted as RFC 4180 otherwise. */
    static List<CSVRecord> semicolonRecords(String file) throws IOException {
        assertThat(file).startsWith("\uFEFF");
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(';')
                .get()
                .parse(new StringReader(file.substring(1)))
                .getRecords();
    }

    /**
     * Excel set to French, German and most European languages opened the comma file with everything in column A, and
     * read an amount with a decimal point as text, which a sum leaves out. Each list offers the same file with
     * semicolons and decimal commas; everything else is as in the comma file.
     */
    @Test
    void eachListOffersTheSameFileWithSemicolonsAndDecimalCommasForExcelInEurope() throws Exception {
        var lobby = create("Lobby; hall", "Floors 1, 2", 2, org.alice().userId());
        Invoice invoice =
                invoicing.send(org.manager(), List.of(lobby.id())).issued().get(0);

        var licences = semicolonRecords(download(get("/licences/export.csv").param("separator", "semicolon")));
        assertThat(String.join(",", licences.get(0).toList())).isEqualTo(LICENCE_HEADER);
        var licence = licences.get(1);
        assertThat(licence.get(0)).isEqualTo(lobby.couponCode().value());
        assertThat(licence.get(1)).isEqualTo("Lobby; hall");
        assertThat(licence.get(2)).isEqualTo("Floors 1, 2");
        assertThat(licence.get(7)).isEqualTo("20,00");
        assertThat(download(get("/licences/export.csv").param("separator", "semicolon")))
                .contains(";\"Lobby; hall\";Floors 1, 2;");

        var invoices = semicolonRecords(download(get("/invoices/export.csv").param("separator", "semicolon")));
        var header = invoices.get(0).toList();
        var row = invoices.get(1);
        assertThat(row.get(header.indexOf("number"))).isEqualTo(invoice.number());
        assertThat(row.get(header.indexOf("net"))).isEqualTo("20,00");
        assertThat(row.get(header.indexOf("screens"))).isEqualTo("2");
        assertThat(row.get(header.indexOf("unit_price"))).isEqualTo("10,00");
        assertThat(row.get(header.indexOf("vat_rate")))
                .isEqualTo(invoice.totals().vatRate().toPlainString().replace('.', ','));
        assertThat(row.get(header.indexOf("total")))
                .isEqualTo(invoice.totals().total().amount().toPlainString().replace('.', ','));
        assertThat(row.get(header.indexOf("issued")))
                .isEqualTo(invoice.issuedOn().toString());

        var clients = semicolonRecords(
                download(get("/clients/export.csv").param("q", "bob").param("separator", "semicolon")));
        assertThat(clients).hasSize(2);
        assertThat(clients.get(1).get(1)).isEqualTo(org.bob().email());

        var audit = semicolonRecords(download(get("/audit/export.csv").param("separator", "semicolon")));
        assertThat(audit.get(0).toList()).contains("time", "who", "action");
        assertThat(audit).hasSizeGreaterThan(1);

        assertThat(download(get("/licences").param("q", "lobby")))
                .contains("href=\"/licences/export.csv?size=25&amp;q=lobby&amp;separator=semicolon\"");
        assertThat(download(get("/invoices").param("status", "paid")))
                .contains("href=\"/invoices/export.csv?status=PAID&amp;separator=semicolon\"");
        assertThat(download(get("/clients").param("q", "bob ltd")))
                .contains("href=\"/clients/export.csv?q=bob%20ltd&amp;separator=semicolon\"");
        assertThat(download(get("/audit"))).contains("href=\"/audit/export.csv?separator=semicolon\"");
    }

    /** A separator other than the two is refused on every export, saying so, and no file is made. */
    @Test
    void aSeparatorNotOfferedIsRefusedOnEveryExportWithoutAFile() throws Exception {
        for (String list : List.of("licences", "invoices", "clients")) {
            Refusal refused = refusal(get("/" + list + "/export.csv").param("separator", "tab"));
            assertThat(refused.status()).as(list).isEqualTo(400);
            assertThat(refused.disposition()).as(list).isNull();
            assertThat(refused.says())
                    .as(list)
                    .contains("Nothing was downloaded", "The separator “tab” was not understood");
            assertThat(refused.backTo()).as(list).startsWith("/" + list);
        }
        Refusal selection =
                refusal(get("/licences/export.csv").param("selection", "true").param("separator", "pipe"));
        assertThat(selection.status()).isEqualTo(400);
        assertThat(selection.disposition()).isNull();
        assertThat(selection.says()).contains("The separator “pipe” was not understood");

        var audit = mvc.perform(
                        get("/audit/export.csv").param("separator", "tab").with(manager))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse();
        assertThat(audit.getHeader("Content-Disposition")).isNull();
        assertThat(Jsoup.parse(audit.getContentAsString(StandardCharsets.UTF_8))
                        .select("[role=alert]")
                        .text())
                .contains("The separator “tab” was not understood");
    }

    /**
     * A French page downloaded "invoices-….csv" and "audit-log-….csv", though it names the invoice PDF
     * "facture-….pdf" (decision 0118). Each export is now named in the page's language; its header stays the
     * import's and the API's column names, in either language (decision 0174).
     */
    @Test
    void aFrenchPagesExportsAreNamedInFrenchAndKeepTheirColumnNames() throws Exception {
        String today = LocalDate.now(clock).toString();
        var owner = fixture.signedIn(org.owner().email());
        for (var expected : List.of(
                List.of("/licences/export.csv", "licences-", "code"),
                List.of("/invoices/export.csv", "factures-", "number"),
                List.of("/clients/export.csv", "clients-", "name"),
                List.of("/audit/export.csv", "journal-d-audit-", "id"))) {
            String csv = mvc.perform(get(expected.get(0))
                            .param("separator", "semicolon")
                            .header("Accept-Language", "fr-FR")
                            .with(owner))
                    .andExpect(status().isOk())
                    .andExpect(header().string(
                                    "Content-Disposition",
                                    "attachment; filename=\"" + expected.get(1) + today + ".csv\""))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFF" + expected.get(2) + ";");
        }
        mvc.perform(get("/invoices/export.csv")
                        .header("Accept-Language", "en-GB")
                        .with(owner))
                .andExpect(
                        header().string("Content-Disposition", "attachment; filename=\"invoices-" + today + ".csv\""));
        mvc.perform(get("/audit/export.csv").header("Accept-Language", "en-GB").with(owner))
                .andExpect(
                        header().string("Content-Disposition", "attachment; filename=\"audit-log-" + today + ".csv\""));
    }
}

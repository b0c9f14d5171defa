package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's CSV downloads over the REST API: each file holds exactly what its list's pages hold for the same
 * parameters, in their order, and nothing of another organisation's; a parameter the list cannot read is a problem,
 * not a file; and only staff get one.
 */
@IntegrationTest
class CsvExportApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ClientLicences clientLicences;

    @Autowired
    InvoiceManagement invoicing;

    TestOrganisation org;
    TestOrganisation other;
    Plan monthly;
    String token;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        other = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
        token = fixture.token(org.manager());
    }

    MockHttpServletResponse fetch(String path, String bearerToken) throws Exception {
        var request = get(path);
        if (bearerToken != null) {
            request.with(bearer(bearerToken));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** The file's records after its header, checked to be a UTF-8 CSV download with a byte order mark. */
    List<CSVRecord> rows(MockHttpServletResponse file, String name, List<String> header) throws Exception {
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(file.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"" + name + "-" + LocalDate.now(clock) + ".csv\"");
        String text = file.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records.get(0).toList()).isEqualTo(header);
        return records.subList(1, records.size());
    }

    static List<String> column(List<CSVRecord> rows, int index) {
        return rows.stream().map(row -> row.get(index)).toList();
    }

    /** Every page of a list, following its cursors or page numbers, as the values of one field of each item. */
    List<String> listed(String path, String field) throws Exception {
        List<String> values = new ArrayList<>();
        String next = path + (path.contains("?") ? "&" : "?") + "limit=5";
        for (int page = 2; next != null; page++) {
            JsonNode body = JSON.readTree(fetch(next, token).getContentAsString(StandardCharsets.UTF_8));
            body.get("data").forEach(item -> values.add(item.get(field).asString()));
            if (!body.get("hasMore").asBoolean()) {
                next = null;
            } else if (body.has("nextCursor")) {
                next = path + (path.contains("?") ? "&" : "?") + "limit=5&after="
                        + body.get("nextCursor").asString();
            } else {
                next = path + (path.contains("?") ? "&" : "?") + "limit=5&page=" + page;
            }
        }
        return values;
    }

    long licence(TestOrganisation in, Plan plan, String name, int quantity, Long clientId) {
        return licences.create(in.manager(), new NewLicence(plan.id(), name, null, quantity, clientId))
                .id();
    }

    @Test
    void theLicenceFileHoldsWhatTheListsPagesHoldForTheSameFiltersInTheirOrder() throws Exception {
        for (int i = 1; i <= 14; i++) {
            licence(
                    org,
                    monthly,
                    "Lobby " + (i % 5),
                    1 + i % 4,
                    i % 2 == 0 ? org.alice().userId() : null);
        }
        licence(org, monthly, "Hall", 2, org.bob().userId());
        licence(other, fixture.monthlyPlan(other), "Lobby elsewhere", 1, null);

        for (String query : List.of(
                "",
                "?q=lobby&sort=name",
                "?client=" + org.alice().userId() + "&sort=quantity&order=desc",
                "?status=available&sort=code")) {
            List<String> listed = listed("/api/v1/licences" + query, "code");
            var file = rows(fetch("/api/v1/licences/export" + query, token), "licences", ExportHeaders.LICENCES);
            assertThat(column(file, 0)).as(query).isEqualTo(listed).isNotEmpty();
        }
        var everything = rows(fetch("/api/v1/licences/export", token), "licences", ExportHeaders.LICENCES);
        assertThat(everything).hasSize(15);
        assertThat(column(everything, 1)).doesNotContain("Lobby elsewhere");
    }

    @Test
    void theInvoiceAndClientFilesHoldWhatTheirListsHold() throws Exception {
        List<Long> forAlice = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long id = licence(org, monthly, "Desk " + i, 1, org.alice().userId());
            clientLicences.activate(org.alice(), id);
            forAlice.add(id);
        }
        long forBob = licence(org, monthly, "Hall", 1, org.bob().userId());
        clientLicences.activate(org.bob(), forBob);
        var issued = invoicing.send(org.manager(), forAlice).issued();
        invoicing.send(org.manager(), List.of(forBob));
        invoicing.markPaid(org.manager(), issued.get(0).id(), LocalDate.now(clock), "BANK-1");

        for (String query : List.of("", "?client=" + org.alice().userId(), "?status=unpaid")) {
            var file = rows(fetch("/api/v1/invoices/export" + query, token), "invoices", ExportHeaders.INVOICES);
            assertThat(column(file, 0))
                    .as(query)
                    .isEqualTo(listed("/api/v1/invoices" + query, "number"))
                    .isNotEmpty();
        }
        var paid = rows(fetch("/api/v1/invoices/export?status=paid", token), "invoices", ExportHeaders.INVOICES);
        assertThat(column(paid, 0)).containsExactly(issued.get(0).number());
        assertThat(column(paid, 16)).containsExactly("BANK-1");

        for (String query : List.of("", "?q=alice")) {
            var file = rows(fetch("/api/v1/clients/export" + query, token), "clients", ExportHeaders.CLIENTS);
            assertThat(column(file, 1))
                    .as(query)
                    .isEqualTo(listed("/api/v1/clients" + query, "email"))
                    .isNotEmpty()
                    .doesNotContain(other.alice().email());
        }
    }

    @Test
    void aParameterTheListCannotReadIsAProblemNotAFile() throws Exception {
        for (String[] wrong : new String[][] {
            {"/api/v1/licences/export?sort=colour", "sort"},
            {"/api/v1/licences/export?client=" + other.alice().userId(), "client"},
            {"/api/v1/licences/export?inUseOn=yesterday", "inUseOn"},
            {"/api/v1/licences/export?limit=10", "limit"},
            {"/api/v1/invoices/export?status=lost", "status"},
            {"/api/v1/invoices/export?client=" + other.bob().userId(), "client"},
            {"/api/v1/invoices/export?issuedIn=2026-13", "issuedIn"},
            {"/api/v1/clients/export?page=2", "page"}
        }) {
            var answer = fetch(wrong[0], token);
            assertThat(answer.getStatus()).as(wrong[0]).isEqualTo(400);
            assertThat(answer.getContentType()).as(wrong[0]).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("type").asString()).as(wrong[0]).endsWith("/bad-parameter");
            assertThat(problem.get("detail").asString()).as(wrong[0]).contains(wrong[1]);
            assertThat(answer.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
        }
    }

    /**
     * The console offers each export with semicolons and decimal commas for Excel in Europe (decision 0138); a program
     * fetching the same files for an accountant got commas only, whatever it asked (separator was an unknown
     * parameter, a 400). Now {@code separator=semicolon} gives the console's file, and comma stays the default.
     */
    @Test
    void eachFileComesWithSemicolonsAndDecimalCommasWhenAskedAndWithCommasByDefault() throws Exception {
        long lobby = licence(org, monthly, "Lobby; hall", 2, org.alice().userId());
        clientLicences.activate(org.alice(), lobby);
        var invoice = invoicing.send(org.manager(), List.of(lobby)).issued().get(0);

        for (String separator : List.of("semicolon", "SEMICOLON")) {
            var licence = semicolonRows(
                            fetch("/api/v1/licences/export?separator=" + separator, token),
                            "licences",
                            ExportHeaders.LICENCES)
                    .get(0);
            assertThat(licence.get(1)).isEqualTo("Lobby; hall");
            assertThat(licence.get(ExportHeaders.LICENCES.indexOf("amount"))).isEqualTo("20,00");
        }
        String raw =
                fetch("/api/v1/licences/export?separator=semicolon", token).getContentAsString(StandardCharsets.UTF_8);
        assertThat(raw).contains(";\"Lobby; hall\";");

        var invoiceRow = semicolonRows(
                        fetch("/api/v1/invoices/export?separator=semicolon", token), "invoices", ExportHeaders.INVOICES)
                .get(0);
        assertThat(invoiceRow.get(0)).isEqualTo(invoice.number());
        assertThat(invoiceRow.get(ExportHeaders.INVOICES.indexOf("total")))
                .isEqualTo(invoice.totals().total().amount().toPlainString().replace('.', ','));

        var clientRows = semicolonRows(
                fetch("/api/v1/clients/export?q=alice&separator=semicolon", token), "clients", ExportHeaders.CLIENTS);
        assertThat(column(clientRows, 1)).containsExactly(org.alice().email());

        var comma = rows(fetch("/api/v1/licences/export?separator=comma", token), "licences", ExportHeaders.LICENCES);
        assertThat(comma.get(0).get(ExportHeaders.LICENCES.indexOf("amount"))).isEqualTo("20.00");
        assertThat(fetch("/api/v1/licences/export?separator=comma", token).getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(fetch("/api/v1/licences/export", token).getContentAsString(StandardCharsets.UTF_8));
    }

    /** A separator other than the two, or none given, is a problem naming it and every value it takes, not a file. */
    @Test
    void aSeparatorNotOfferedIsAProblemNamingItAndNoFileStarts() throws Exception {
        for (String path : List.of("/api/v1/licences/export", "/api/v1/invoices/export", "/api/v1/clients/export")) {
            for (String separator : List.of("tab", "", ";", "pipe")) {
                var answer = fetch(path + "?separator=" + separator, token);
                assertThat(answer.getStatus()).as(path + " " + separator).isEqualTo(400);
                assertThat(answer.getContentType()).startsWith("application/problem+json");
                assertThat(answer.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
                JsonNode problem = JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8));
                assertThat(problem.get("type").asString()).endsWith("/bad-parameter");
                assertThat(problem.get("detail").asString()).contains("separator", "comma", "semicolon");
                assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("separator");
            }
            assertThat(fetch(path + "?separator=semicolon", null).getStatus()).isEqualTo(401);
            assertThat(fetch(path + "?separator=semicolon", fixture.token(org.alice()))
                            .getStatus())
                    .isEqualTo(403);
        }
    }

    /** The records after the header of a file with semicolons (Excel in Europe), checked as {@link #rows} checks. */
    static List<CSVRecord> semicolonRows(MockHttpServletResponse file, String name, List<String> header)
            throws Exception {
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).startsWith("text/csv");
        assertThat(file.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains(name);
        String text = file.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setDelimiter(';')
                .get()
                .parse(new StringReader(text.substring(1)))
                .getRecords();
        assertThat(records.get(0).toList()).isEqualTo(header);
        return records.subList(1, records.size());
    }

    /**
     * Many HTTP libraries send {@code Accept: application/json} unless told otherwise: such a request was taken by the
     * {@code /{id}} beside the export and told "the parameter id must be a whole number".
     */
    @Test
    void aRequestThatAcceptsNoCsvIsTold406ThatTheFileIsTextCsv() throws Exception {
        for (String path : List.of("/api/v1/licences/export", "/api/v1/invoices/export", "/api/v1/clients/export")) {
            for (String accept : List.of("application/json", "application/problem+json", "application/pdf")) {
                var answer = mvc.perform(
                                get(path).header(HttpHeaders.ACCEPT, accept).with(bearer(token)))
                        .andReturn()
                        .getResponse();
                assertThat(answer.getStatus()).as(path + " " + accept).isEqualTo(406);
                assertThat(answer.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
                JsonNode problem = JSON.readTree(answer.getContentAsString(StandardCharsets.UTF_8));
                assertThat(problem.get("type").asString()).endsWith("/not-acceptable");
                assertThat(problem.get("detail").asString()).contains("text/csv");
            }
            for (String accept : List.of("text/csv", "text/*", "*/*", "application/json, text/csv;q=0.5")) {
                var answer = mvc.perform(
                                get(path).header(HttpHeaders.ACCEPT, accept).with(bearer(token)))
                        .andReturn()
                        .getResponse();
                assertThat(answer.getStatus()).as(path + " " + accept).isEqualTo(200);
                assertThat(answer.getContentType()).startsWith("text/csv");
            }
        }
    }

    @Test
    void onlyStaffGetAFileAndOnlyTheirOwnOrganisations() throws Exception {
        licence(org, monthly, "Mine", 1, null);
        licence(other, fixture.monthlyPlan(other), "Theirs", 1, null);
        for (String path : List.of("/api/v1/licences/export", "/api/v1/invoices/export", "/api/v1/clients/export")) {
            var anonymous = fetch(path, null);
            assertThat(anonymous.getStatus()).as(path).isEqualTo(401);
            assertThat(anonymous.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Mine");

            var aClient = fetch(path, fixture.token(org.alice()));
            assertThat(aClient.getStatus()).as(path).isEqualTo(403);
            assertThat(aClient.getContentType()).startsWith("application/problem+json");
            assertThat(aClient.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();

            assertThat(fetch(path, fixture.readOnlyToken(org.manager())).getStatus())
                    .as("a read-only token reads: " + path)
                    .isEqualTo(200);
        }
        var theirs = rows(
                fetch("/api/v1/licences/export", fixture.token(other.manager())), "licences", ExportHeaders.LICENCES);
        assertThat(column(theirs, 1)).containsExactly("Theirs");
    }

    /** The files' header rows, as docs/csv.md lists them. */
    static final class ExportHeaders {

        static final List<String> LICENCES = List.of(
                "code",
                "name",
                "note",
                "client_email",
                "client_company",
                "plan",
                "screens",
                "amount",
                "currency",
                "status",
                "billing_status",
                "created",
                "activated",
                "ends");

        static final List<String> INVOICES = List.of(
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

        static final List<String> CLIENTS = List.of(
                "name", "email", "company", "billing_address", "vat_number", "portal_access", "enabled", "created");

        private ExportHeaders() {}
    }
}

package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceCopies;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the invoices page shows for a search of more than 1,000 invoices (decision 0164), in English and French: "More
 * than 1,000 invoices", no totals but a line saying when they are shown, "Page n" without a last page, and a page past
 * the end that says so; a search of fewer keeps its count, its totals and "Page 1 of 2".
 */
@IntegrationTest
class ConsoleInvoiceSearchAtTheCapIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    RequestPostProcessor manager;

    @BeforeEach
    void setUp() {
        TestOrganisation org = organisations.create();
        manager = fixture.signedIn(org.manager());
        long licence = licences.create(
                        org.manager(),
                        new NewLicence(
                                fixture.yearlyPlan(org).id(),
                                "Hall",
                                null,
                                2,
                                org.alice().userId()))
                .id();
        Invoice hall = invoicing.send(org.manager(), List.of(licence)).issued().get(0);
        InvoiceCopies.add(jdbc, hall, 1_010, "Lobby");
        InvoiceCopies.add(jdbc, hall, 30, "Kiosk");
    }

    @Test
    void aSearchOfMoreThanAThousandSaysSoWithoutTotalsInEnglish() throws Exception {
        Document page = page("/invoices?q=lobby", "en");
        assertThat(page.getElementById("invoice-count").text()).isEqualTo("More than 1,000 invoices");
        assertThat(page.select(".invoice-sums")).as("no totals").isEmpty();
        assertThat(page.select(".invoice-sums-capped").text())
                .isEqualTo("Totals are added up when a search finds 1,000 invoices or fewer: narrow the search to see"
                        + " them.");
        assertThat(page.select(".pagination").text()).isEqualTo("‹ Previous Page 1 Next ›");
        assertThat(page.select("a[rel=next]").attr("href")).contains("page=2").contains("q=lobby");
        assertThat(page.select("tbody tr")).hasSize(25);

        Document past = page("/invoices?q=lobby&page=900", "en");
        assertThat(past.select("tbody").text())
                .isEqualTo("This page is past the end of the list: go back to the previous" + " page.");
        assertThat(past.select(".pagination").text()).isEqualTo("‹ Previous Page 900 Next ›");
        assertThat(past.select("a[rel=prev]").attr("href")).contains("page=899");
        assertThat(past.select("a[rel=next]")).isEmpty();
    }

    @Test
    void aSearchOfMoreThanAThousandSaysSoWithoutTotalsInFrench() throws Exception {
        Document page = page("/invoices?q=lobby", "fr");
        assertThat(spaced(page.getElementById("invoice-count").text())).isEqualTo("Plus de 1 000 factures");
        assertThat(page.select(".invoice-sums")).isEmpty();
        assertThat(spaced(page.select(".invoice-sums-capped").text()))
                .isEqualTo("Les totaux sont calculés quand une recherche trouve 1 000 factures ou moins : affinez la"
                        + " recherche pour les voir.");
        assertThat(page.select(".pagination").text()).contains("Page 1").doesNotContain(" sur ");

        Document past = page("/invoices?q=lobby&page=900", "fr");
        assertThat(spaced(past.select("tbody").text()))
                .isEqualTo("Cette page est au-delà de la fin de la liste : revenez à la page précédente.");
    }

    @Test
    void aSearchOfAThousandOrFewerKeepsItsCountTotalsAndLastPage() throws Exception {
        Document english = page("/invoices?q=kiosk", "en");
        assertThat(english.getElementById("invoice-count").text()).isEqualTo("30 invoices");
        assertThat(english.select(".invoice-sums")).hasSize(1);
        assertThat(english.select(".invoice-sums-capped")).isEmpty();
        assertThat(english.select(".pagination").text()).contains("Page 1 of 2");

        Document french = page("/invoices?q=kiosk", "fr");
        assertThat(french.getElementById("invoice-count").text()).isEqualTo("30 factures");
        assertThat(french.select(".pagination").text()).contains("Page 1 sur 2");
    }

    private Document page(String address, String language) throws Exception {
        String html = mvc.perform(get(address).with(manager).header("Accept-Language", language))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    /** French text with its no-break spaces (before a colon, between thousands) read as spaces. */
    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}

package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceCopies;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GET /api/v1/invoices for a search of more than 1,000 invoices (decision 0164): total 1,001 with totalCapped, pages
 * that go on while hasMore, no last link; a search of fewer keeps its exact total and last link.
 */
@IntegrationTest
class InvoiceSearchAtTheCapApiIntegrationTests {

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

    String manager;

    @BeforeEach
    void setUp() {
        TestOrganisation org = organisations.create();
        manager = fixture.token(org.manager());
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
    void aSearchOfMoreThanAThousandSaysItsTotalIsCappedAndHasNoLastPage() throws Exception {
        var first = answer("/api/v1/invoices?q=lobby&limit=100");
        String body = first.getContentAsString();
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(1_001);
        assertThat((Boolean) JsonPath.read(body, "$.totalCapped")).isTrue();
        assertThat((Boolean) JsonPath.read(body, "$.hasMore")).isTrue();
        assertThat((List<?>) JsonPath.read(body, "$.data")).hasSize(100);
        assertThat(first.getHeader("Link")).contains("rel=\"next\"").doesNotContain("rel=\"last\"");

        String last = answer("/api/v1/invoices?q=lobby&limit=100&page=11").getContentAsString();
        assertThat((List<?>) JsonPath.read(last, "$.data")).hasSize(10);
        assertThat((Boolean) JsonPath.read(last, "$.hasMore")).isFalse();
        String past = answer("/api/v1/invoices?q=lobby&limit=100&page=12").getContentAsString();
        assertThat((List<?>) JsonPath.read(past, "$.data")).isEmpty();
        assertThat((Integer) JsonPath.read(past, "$.page")).isEqualTo(12);
    }

    @Test
    void aSearchOfAThousandOrFewerKeepsItsTotalAndLastPage() throws Exception {
        var answer = answer("/api/v1/invoices?q=kiosk&limit=20");
        String body = answer.getContentAsString();
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(30);
        assertThat((Boolean) JsonPath.read(body, "$.totalCapped")).isFalse();
        assertThat(answer.getHeader("Link")).contains("page=2>; rel=\"last\"");
    }

    private MockHttpServletResponse answer(String address) throws Exception {
        return mvc.perform(get(address).with(bearer(manager))).andReturn().getResponse();
    }
}

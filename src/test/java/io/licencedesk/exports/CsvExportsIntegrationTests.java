package io.licencedesk.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditFilter;
import io.licencedesk.invoicing.InvoiceFilter;
import io.licencedesk.invoicing.InvoiceStatusChoice;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/**
 * The last wall: whichever door calls it, an export refuses a caller who is not staff before the file begins, so
 * the answer can still be a refusal rather than a 200 whose file breaks off.
 */
@IntegrationTest
class CsvExportsIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    CsvExports exports;

    @Autowired
    LicenceManagement licences;

    TestOrganisation org;
    long licence;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        licence = licences.create(
                        org.manager(),
                        new NewLicence(
                                fixture.monthlyPlan(org).id(),
                                "Lobby",
                                null,
                                1,
                                org.alice().userId()))
                .id();
    }

    @Test
    void aClientGetsNoFileNotEvenItsFirstLine() {
        var response = new MockHttpServletResponse();
        List<Executable> everyExport = List.of(
                () -> exports.licences(org.alice(), LicenceFilter.none(), CsvSeparator.COMMA, "licences", response),
                () -> exports.licences(org.alice(), List.of(licence), CsvSeparator.COMMA, "licences", response),
                () -> exports.invoices(
                        org.alice(),
                        InvoiceFilter.of((InvoiceStatusChoice) null, null, null, null),
                        CsvSeparator.COMMA,
                        "invoices",
                        response),
                () -> exports.clients(org.alice(), null, CsvSeparator.COMMA, "clients", response),
                () -> exports.auditLog(org.alice(), AuditFilter.ANY, CsvSeparator.COMMA, "audit-log", response));
        for (Executable export : everyExport) {
            assertThatThrownBy(export::execute).isInstanceOf(AccessDeniedException.class);
            assertThat(response.isCommitted()).isFalse();
            assertThat(response.getContentLength()).isZero();
            assertThat(response.getContentType()).isNull();
        }
    }

    @Test
    void staffGetTheFile() throws Exception {
        var response = new MockHttpServletResponse();
        exports.licences(org.manager(), List.of(licence), CsvSeparator.COMMA, "licences", response);
        assertThat(response.getContentAsString())
                .contains("Lobby")
                .contains(org.alice().email());
    }
}

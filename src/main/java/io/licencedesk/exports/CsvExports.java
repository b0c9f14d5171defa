package io.licencedesk.exports;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.ClientExports;
import io.licencedesk.audit.AuditFilter;
import io.licencedesk.audit.AuditLog;
import io.licencedesk.invoicing.InvoiceExports;
import io.licencedesk.invoicing.InvoiceFilter;
import io.licencedesk.licence.LicenceExports;
import io.licencedesk.licence.LicenceFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Writes each export to a response: {@code licences-2026-12-06.csv} and its kin, named by the caller (the console in
 * the page's language, {@code factures-…} in French; the API in English, decision 0174): one method an export, the
 * name its argument (decision 0181). The caller has already turned the
 * request's parameters into a filter and refused those it could not read; what is left here cannot be refused with
 * an answer of its own, as the file's first line goes out before the first row is read.
 */
@Component
public class CsvExports {

    private final LicenceExports licences;
    private final InvoiceExports invoices;
    private final ClientExports clients;
    private final AuditLog audit;
    private final Clock clock;

    CsvExports(LicenceExports licences, InvoiceExports invoices, ClientExports clients, AuditLog audit, Clock clock) {
        this.licences = licences;
        this.invoices = invoices;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** Exactly the rows the main list shows for this filter, every page, in its order. */
    public void licences(
            Caller caller, LicenceFilter filter, CsvSeparator separator, String name, HttpServletResponse response)
            throws IOException {
        var csv = start(caller, response, name, ExportColumns.LICENCES, separator);
        licences.licences(caller, filter, row -> csv.row(ExportColumns.of(row)));
        csv.finish();
    }

    /** Those of these licences that are the caller's organisation's, newest first. */
    public void licences(
            Caller caller, Collection<Long> ids, CsvSeparator separator, String name, HttpServletResponse response)
            throws IOException {
        var csv = start(caller, response, name, ExportColumns.LICENCES, separator);
        licences.selected(caller, ids, row -> csv.row(ExportColumns.of(row)));
        csv.finish();
    }

    public void invoices(
            Caller caller, InvoiceFilter filter, CsvSeparator separator, String name, HttpServletResponse response)
            throws IOException {
        var csv = start(caller, response, name, ExportColumns.INVOICES, separator);
        invoices.invoices(caller, filter, invoice -> csv.row(ExportColumns.of(invoice)));
        csv.finish();
    }

    /** By name, as the client list; {@code term} searches name, e-mail and company (none: every client). */
    public void clients(Caller caller, String term, CsvSeparator separator, String name, HttpServletResponse response)
            throws IOException {
        var csv = start(caller, response, name, ExportColumns.CLIENTS, separator);
        clients.clients(caller, term, client -> csv.row(ExportColumns.of(client)));
        csv.finish();
    }

    public void auditLog(
            Caller caller, AuditFilter filter, CsvSeparator separator, String name, HttpServletResponse response)
            throws IOException {
        var csv = start(caller, response, name, ExportColumns.AUDIT, separator);
        audit.export(caller, filter, entry -> csv.row(ExportColumns.of(entry)));
        csv.finish();
    }

    /**
     * Every export is staff's. The modules' façades say so too, but only once the file has begun: refused here, a
     * client is answered 403 rather than given the start of a file that then breaks off.
     */
    private CsvDownload start(
            Caller caller, HttpServletResponse response, String name, List<String> header, CsvSeparator separator)
            throws IOException {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may download exports");
        }
        return CsvDownload.start(response, name, LocalDate.now(clock), header, separator, ExportColumns.DECIMALS);
    }
}

package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.ClientExports;
import io.licencedesk.invoicing.InvoiceExports;
import io.licencedesk.licence.LicenceExports;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * CSV downloads of the licence list (with its filters, search and sort, or the selection), the invoices and
 * the clients, streamed from the database as they are read (docs/csv.md).
 */
@Controller
class ConsoleExportController {

    private final LicenceExports licences;
    private final InvoiceExports invoices;
    private final ClientExports clients;
    private final Clock clock;

    ConsoleExportController(LicenceExports licences, InvoiceExports invoices, ClientExports clients, Clock clock) {
        this.licences = licences;
        this.invoices = invoices;
        this.clients = clients;
        this.clock = clock;
    }

    /** What the list shows for the same query string, every page; with {@code selection=true} the selection. */
    @GetMapping("/licences/export.csv")
    void licences(
            Caller caller,
            LicenceListParams params,
            @RequestParam(defaultValue = "false") boolean selection,
            HttpSession session,
            HttpServletResponse response)
            throws IOException {
        var csv = CsvDownload.start(response, "licences", today(), ExportColumns.LICENCES);
        if (selection) {
            licences.selected(caller, LicenceSelection.of(session), row -> csv.row(ExportColumns.of(row)));
        } else {
            licences.licences(caller, params.filter(), row -> csv.row(ExportColumns.of(row)));
        }
        csv.finish();
    }

    @GetMapping("/invoices/export.csv")
    void invoices(Caller caller, InvoiceListParams params, HttpServletResponse response) throws IOException {
        var csv = CsvDownload.start(response, "invoices", today(), ExportColumns.INVOICES);
        invoices.invoices(caller, params.filter(), invoice -> csv.row(ExportColumns.of(invoice)));
        csv.finish();
    }

    @GetMapping("/clients/export.csv")
    void clients(Caller caller, @RequestParam(required = false) String q, HttpServletResponse response)
            throws IOException {
        var csv = CsvDownload.start(response, "clients", today(), ExportColumns.CLIENTS);
        clients.clients(caller, q, client -> csv.row(ExportColumns.of(client)));
        csv.finish();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}

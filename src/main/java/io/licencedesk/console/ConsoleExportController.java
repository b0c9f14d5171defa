package io.licencedesk.console;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.ClientExports;
import io.licencedesk.invoicing.InvoiceExports;
import io.licencedesk.licence.LicenceExports;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.web.Words;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * CSV downloads of the licence list (with its filters, search and sort, or the selection), the invoices and
 * the clients, streamed from the database as they are read (docs/csv.md). An address asking for what the list cannot
 * give (a client not of the organisation, a sort or filter not understood) gets a page saying so, and no file
 * (decision 0092).
 */
@Controller
class ConsoleExportController {

    private static final String REFUSED = "console/export-refused";

    private final LicenceExports licences;
    private final LicenceManagement licenceManagement;
    private final InvoiceExports invoices;
    private final ClientExports clients;
    private final AccountManagement accounts;
    private final Words words;
    private final Clock clock;

    ConsoleExportController(
            LicenceExports licences,
            LicenceManagement licenceManagement,
            InvoiceExports invoices,
            ClientExports clients,
            AccountManagement accounts,
            Words words,
            Clock clock) {
        this.licences = licences;
        this.licenceManagement = licenceManagement;
        this.invoices = invoices;
        this.clients = clients;
        this.accounts = accounts;
        this.words = words;
        this.clock = clock;
    }

    /** What the list shows for the same query string, every page; with {@code selection=true} the selection. */
    @GetMapping("/licences/export.csv")
    String licences(
            Caller caller,
            LicenceListParams params,
            @RequestParam(defaultValue = "false") boolean selection,
            HttpSession session,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (selection) {
            var csv = CsvDownload.start(response, "licences", today(), ExportColumns.LICENCES);
            licences.selected(
                    caller,
                    LicenceSelection.selectable(session, caller, licenceManagement),
                    row -> csv.row(ExportColumns.of(row)));
            csv.finish();
            return null;
        }
        boolean unknownClient = unknownClient(caller, params.client());
        if (refused(params.notUnderstoodByTheExport(), unknownClient, response, model)) {
            LicenceListParams understood = params.understood();
            model.addAttribute("list", "licences");
            model.addAttribute("listUrl", (unknownClient ? understood.withoutClient() : understood).firstUrl());
            return REFUSED;
        }
        var csv = CsvDownload.start(response, "licences", today(), ExportColumns.LICENCES);
        licences.licences(caller, params.filter(), row -> csv.row(ExportColumns.of(row)));
        csv.finish();
        return null;
    }

    @GetMapping("/invoices/export.csv")
    String invoices(Caller caller, InvoiceListParams params, HttpServletResponse response, Model model)
            throws IOException {
        boolean unknownClient = unknownClient(caller, params.clientId());
        if (refused(params.notUnderstood(), unknownClient, response, model)) {
            model.addAttribute("list", "invoices");
            model.addAttribute("listUrl", (unknownClient ? params.withoutClient() : params).url(1));
            return REFUSED;
        }
        var csv = CsvDownload.start(response, "invoices", today(), ExportColumns.INVOICES);
        invoices.invoices(caller, params.filter(), invoice -> csv.row(ExportColumns.of(invoice)));
        csv.finish();
        return null;
    }

    @GetMapping("/clients/export.csv")
    void clients(Caller caller, @RequestParam(required = false) String q, HttpServletResponse response)
            throws IOException {
        var csv = CsvDownload.start(response, "clients", today(), ExportColumns.CLIENTS);
        clients.clients(caller, q, client -> csv.row(ExportColumns.of(client)));
        csv.finish();
    }

    /** Whether the client asked for is not one of the organisation's: another organisation's, or nobody's. */
    private boolean unknownClient(Caller caller, Long client) {
        return client != null
                && accounts.findClient(caller.organisationId(), client).isEmpty();
    }

    /** Puts the reasons for refusing the download in the model and answers 400 when there are any. */
    private boolean refused(
            Map<String, String> notUnderstood, boolean unknownClient, HttpServletResponse response, Model model) {
        List<String> refusals = ExportRefusals.of(notUnderstood, unknownClient, words);
        if (refusals.isEmpty()) {
            return false;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("refusals", refusals);
        return true;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}

package io.licencedesk.console;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.exports.CsvExports;
import io.licencedesk.exports.CsvSeparator;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.web.Words;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
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

    private final CsvExports exports;
    private final LicenceManagement licences;
    private final AccountManagement accounts;
    private final Words words;

    ConsoleExportController(CsvExports exports, LicenceManagement licences, AccountManagement accounts, Words words) {
        this.exports = exports;
        this.licences = licences;
        this.accounts = accounts;
        this.words = words;
    }

    /**
     * What the list shows for the same query string, every page; with {@code selection=true} the selection. Every
     * export takes {@code separator=semicolon} for Excel set to French and most European languages (decision 0138).
     */
    @GetMapping("/licences/export.csv")
    String licences(
            Caller caller,
            LicenceListParams params,
            @RequestParam(defaultValue = "false") boolean selection,
            @RequestParam(required = false) String separator,
            HttpSession session,
            HttpServletResponse response,
            Model model)
            throws IOException {
        var notUnderstood = params.notUnderstoodByTheExport();
        var csvSeparator = CsvSeparator.of(separator);
        if (csvSeparator.isEmpty()) {
            notUnderstood.put("separator", separator);
        }
        if (selection) {
            if (refused(notUnderstood, false, response, model)) {
                model.addAttribute("list", "licences");
                model.addAttribute("listUrl", "/licences");
                return REFUSED;
            }
            exports.licences(
                    caller,
                    LicenceSelection.selectable(session, caller, licences),
                    csvSeparator.get(),
                    words.of("export.fileName.licences"),
                    response);
            return null;
        }
        boolean unknownClient = unknownClient(caller, params.client());
        if (refused(notUnderstood, unknownClient, response, model)) {
            LicenceListParams understood = params.understood();
            model.addAttribute("list", "licences");
            model.addAttribute("listUrl", (unknownClient ? understood.withoutClient() : understood).firstUrl());
            return REFUSED;
        }
        exports.licences(caller, params.filter(), csvSeparator.get(), words.of("export.fileName.licences"), response);
        return null;
    }

    @GetMapping("/invoices/export.csv")
    String invoices(
            Caller caller,
            InvoiceListParams params,
            @RequestParam(required = false) String separator,
            HttpServletResponse response,
            Model model)
            throws IOException {
        var notUnderstood = params.notUnderstood();
        var csvSeparator = CsvSeparator.of(separator);
        if (csvSeparator.isEmpty()) {
            notUnderstood.put("separator", separator);
        }
        boolean unknownClient = unknownClient(caller, params.clientId());
        if (refused(notUnderstood, unknownClient, response, model)) {
            model.addAttribute("list", "invoices");
            model.addAttribute("listUrl", (unknownClient ? params.withoutClient() : params).url(1));
            return REFUSED;
        }
        exports.invoices(caller, params.filter(), csvSeparator.get(), words.of("export.fileName.invoices"), response);
        return null;
    }

    @GetMapping("/clients/export.csv")
    String clients(
            Caller caller,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String separator,
            HttpServletResponse response,
            Model model)
            throws IOException {
        var csvSeparator = CsvSeparator.of(separator);
        if (csvSeparator.isEmpty()) {
            refused(Map.of("separator", separator), false, response, model);
            model.addAttribute("list", "clients");
            model.addAttribute("listUrl", "/clients");
            return REFUSED;
        }
        exports.clients(caller, q, csvSeparator.get(), words.of("export.fileName.clients"), response);
        return null;
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
}

package io.licencedesk.console;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.ClientNotFoundException;
import io.licencedesk.audit.AuditLog;
import io.licencedesk.exports.CsvExports;
import io.licencedesk.exports.CsvSeparator;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log (owners and account managers): every change in the organisation, filtered by who, what, when and
 * object, or everything about one client (decision 0150), newest first, a page at a time, and its CSV download.
 * Read-only: nothing here changes an entry.
 */
@Controller
class ConsoleAuditController {

    private static final String VIEW = "console/audit";

    private final AuditLog log;
    private final MessageSource messages;
    private final CsvExports exports;
    private final AccountManagement accounts;

    ConsoleAuditController(AuditLog log, MessageSource messages, CsvExports exports, AccountManagement accounts) {
        this.log = log;
        this.messages = messages;
        this.exports = exports;
        this.accounts = accounts;
    }

    @GetMapping("/audit")
    String log(
            Caller caller,
            @Valid @ModelAttribute("params") AuditLogParams params,
            BindingResult errors,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        model.addAttribute("view", new AuditView(messages, locale, caller.isOwner()));
        if (refused(caller, params, errors, model, locale, response)) {
            return VIEW;
        }
        model.addAttribute("page", log.page(caller, params.filter(), params.page()));
        return VIEW;
    }

    /** What the log shows for the same filters, every page; with bad filters, the log's page and its messages. */
    @GetMapping("/audit/export.csv")
    String export(
            Caller caller,
            @Valid @ModelAttribute("params") AuditLogParams params,
            BindingResult errors,
            @RequestParam(required = false) String separator,
            Model model,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        var csvSeparator = CsvSeparator.of(separator);
        if (csvSeparator.isEmpty()) {
            errors.reject("export.refused.separator", new Object[] {separator}, null);
        }
        if (refused(caller, params, errors, model, locale, response)) {
            model.addAttribute("view", new AuditView(messages, locale, caller.isOwner()));
            return VIEW;
        }
        exports.auditLog(
                caller,
                params.filter(),
                csvSeparator.get(),
                messages.getMessage("export.fileName.auditLog", null, locale),
                response);
        return null;
    }

    /**
     * Puts each problem of the filters beside its field (a bad page link, or a client who is not one of the
     * organisation's, above the log) and answers 400; the client whose entries are asked for goes in the model.
     */
    private boolean refused(
            Caller caller,
            AuditLogParams params,
            BindingResult errors,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        var problems = params.problems();
        problems.forEach((field, code) -> {
            String text = messages.getMessage(code, null, locale);
            if (field.equals("cursor") || field.equals("client")) {
                errors.reject(code, text);
            } else if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, code, text);
            }
        });
        if (!problems.containsKey("client") && params.clientId() != null) {
            try {
                Client client = accounts.client(caller, params.clientId());
                model.addAttribute("aboutClient", client);
            } catch (ClientNotFoundException notTheirs) {
                String code = "audit.filter.client.unknown";
                errors.reject(code, messages.getMessage(code, null, locale));
            }
        }
        if (!errors.hasErrors()) {
            return false;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return true;
    }
}

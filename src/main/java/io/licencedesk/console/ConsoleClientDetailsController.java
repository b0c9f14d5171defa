package io.licencedesk.console;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.People;
import io.licencedesk.audit.AuditLog;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceListing;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.licence.LicenceRow;
import io.licencedesk.licence.LicenceSort;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A client as staff see them, on one page: billing details, portal access (with its actions), their newest licences
 * with each one's screens, their newest invoices, and the newest entries of the audit log about them, their licences
 * and their invoices. Each list links to the full one.
 */
@Controller
class ConsoleClientDetailsController {

    static final int SHOWN = 25;

    /** Screens named under each licence; the licence's page lists the others (a licence may have 10,000). */
    static final int SCREENS_SHOWN = 10;

    private final AccountManagement accounts;
    private final People people;
    private final LicenceManagement licences;
    private final ScreenManagement screens;
    private final InvoiceManagement invoices;
    private final AuditLog log;
    private final MessageSource messages;
    private final Clock clock;

    ConsoleClientDetailsController(
            AccountManagement accounts,
            People people,
            LicenceManagement licences,
            ScreenManagement screens,
            InvoiceManagement invoices,
            AuditLog log,
            MessageSource messages,
            Clock clock) {
        this.accounts = accounts;
        this.people = people;
        this.licences = licences;
        this.screens = screens;
        this.invoices = invoices;
        this.log = log;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/clients/{id}")
    String details(Caller caller, @PathVariable long id, Model model, Locale locale) {
        Client client = accounts.client(caller, id);
        model.addAttribute("client", client);
        model.addAttribute("person", people.client(caller, id));
        model.addAttribute(
                "access", accounts.access(caller, java.util.List.of(id)).get(id));
        LicenceListing listing = licences.list(
                caller,
                new LicenceFilter(id, false, false, null, LicenceSort.CREATED, false),
                LicencePageRequest.first(SHOWN));
        model.addAttribute("licences", listing.rows());
        model.addAttribute(
                "screens",
                listing.rows().stream()
                        .collect(Collectors.toMap(
                                LicenceRow::id,
                                row -> screens.screens(caller, row.id(), null, 1, SCREENS_SHOWN),
                                (a, b) -> a)));
        model.addAttribute("invoices", invoices.invoices(caller, null, id, 1, SHOWN));
        model.addAttribute("today", LocalDate.now(clock)); // which of them are overdue
        model.addAttribute("history", log.aboutClient(caller, id, SHOWN));
        model.addAttribute("view", new AuditView(messages, locale, caller.isOwner()));
        return "console/client";
    }
}

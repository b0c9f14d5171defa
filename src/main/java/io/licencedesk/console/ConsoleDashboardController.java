package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.devices.ScreenFigures;
import io.licencedesk.invoicing.InvoiceFigures;
import io.licencedesk.licence.LicenceFigures;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff dashboard, the console's home (/ forwards here): licences by status, screens, invoiced and paid by month,
 * the overdue amount, recurring revenue by month and the licences ending soon, each number a link to the list
 * behind it (decision 0050).
 */
@Controller
class ConsoleDashboardController {

    static final int MONTHS = 12;
    static final int ENDING_ROWS = 10;

    private final LicenceFigures licences;
    private final InvoiceFigures invoices;
    private final ScreenFigures screens;
    private final Clock clock;

    ConsoleDashboardController(LicenceFigures licences, InvoiceFigures invoices, ScreenFigures screens, Clock clock) {
        this.licences = licences;
        this.invoices = invoices;
        this.screens = screens;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(Caller caller, Model model) {
        model.addAttribute("licences", licences.overview(caller, MONTHS, ENDING_ROWS));
        model.addAttribute("invoices", invoices.overview(caller, MONTHS));
        model.addAttribute("screens", screens.onActiveLicences(caller));
        model.addAttribute("today", LocalDate.now(clock));
        return "console/dashboard";
    }
}

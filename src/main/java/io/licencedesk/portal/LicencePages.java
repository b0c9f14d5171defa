package io.licencedesk.portal;

import io.licencedesk.accounts.Caller;
import io.licencedesk.devices.Screen;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.ClientLicence;
import io.licencedesk.licence.ClientLicences;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model of the portal's licence pages, which several actions render again with a message. */
@Component
class LicencePages {

    private final ClientLicences licences;
    private final ScreenManagement screens;
    private final InvoiceManagement invoicing;
    private final Clock clock;

    LicencePages(ClientLicences licences, ScreenManagement screens, InvoiceManagement invoicing, Clock clock) {
        this.licences = licences;
        this.screens = screens;
        this.invoicing = invoicing;
        this.clock = clock;
    }

    /** Enough for a chain's screens at a glance; more go on further pages. */
    static final int PAGE_SIZE = 25;

    /** A page of the client's licences with the screens registered on each. */
    String list(Caller client, int page, Model model) {
        model.addAttribute("licences", licences.licences(client, page, PAGE_SIZE));
        model.addAttribute("screensUsed", screens.screenCounts(client));
        return "portal/licences";
    }

    /** One licence with its screens, its price and its invoices. */
    String licence(Caller client, long id, Model model) {
        ClientLicence licence = licences.licence(client, id);
        List<Screen> onLicence = screens.screens(client, id);
        model.addAttribute("licence", licence);
        model.addAttribute("screens", onLicence);
        model.addAttribute("seatsFree", Math.max(0, licence.quantity() - onLicence.size()));
        model.addAttribute("invoices", invoicing.clientLicenceInvoices(client, id));
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/licence";
    }
}

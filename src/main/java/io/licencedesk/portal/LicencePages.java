package io.licencedesk.portal;

import io.licencedesk.accounts.Caller;
import io.licencedesk.devices.ScreenList;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.LicenceTerms;
import io.licencedesk.licence.ClientLicence;
import io.licencedesk.licence.ClientLicences;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

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

    /** One licence with the first page of its screens, its price and its invoices. */
    String licence(Caller client, long id, Model model) {
        return licence(client, id, null, 1, model);
    }

    /** One licence with a page of its screens (those named like the search), its price and its invoices. */
    String licence(Caller client, long id, String search, int page, Model model) {
        ClientLicence licence = licences.licence(client, id);
        ScreenList onLicence = screens.screens(client, id, search, page, PAGE_SIZE);
        model.addAttribute("licence", licence);
        model.addAttribute("screens", onLicence.page().items());
        model.addAttribute("screenList", onLicence);
        // the address bar after a form answered with this page (a refused rename) shows the page, not the action
        model.addAttribute(
                "pageAddress",
                licenceAddress(id, onLicence.search(), onLicence.page().page()));
        model.addAttribute("seatsFree", Math.max(0, licence.quantity() - onLicence.registered()));
        var invoices = invoicing.clientLicenceInvoices(client, id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("invoices", invoices);
        model.addAttribute(
                "terms",
                LicenceTerms.of(
                        licence.id(),
                        licence.termNumber(),
                        licence.termStartsOn(),
                        licence.activatedOn(),
                        licence.endsOn(),
                        invoices,
                        today));
        model.addAttribute("today", today);
        return "portal/licence";
    }

    /** The licence's page showing the screens the client was looking at: the same search and page. */
    static String redirectToLicence(long id, String search, int page) {
        return "redirect:" + licenceAddress(id, search, page);
    }

    private static String licenceAddress(long id, String search, int page) {
        return UriComponentsBuilder.fromPath("/portal/licences/{id}")
                .queryParamIfPresent("q", Optional.ofNullable(search).filter(text -> !text.isBlank()))
                .queryParamIfPresent("page", Optional.of(page).filter(number -> number > 1))
                .encode()
                .buildAndExpand(id)
                .toUriString();
    }
}

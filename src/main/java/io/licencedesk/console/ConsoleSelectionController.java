package io.licencedesk.console;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.invoicing.InvalidSelectionException;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.SendOutcome;
import io.licencedesk.licence.BulkOutcome;
import io.licencedesk.licence.LicenceBulkActions;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.shared.Money;
import io.licencedesk.shared.Reason;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Selecting licences for invoicing across pages, and "Send invoices" for the selection. */
@Controller
class ConsoleSelectionController {

    private final LicenceManagement licences;
    private final InvoiceManagement invoicing;
    private final AccountManagement accounts;
    private final LicenceBulkActions bulk;
    private final Reasons reasons;
    private final Words words;

    ConsoleSelectionController(
            LicenceManagement licences,
            InvoiceManagement invoicing,
            AccountManagement accounts,
            LicenceBulkActions bulk,
            Reasons reasons,
            Words words) {
        this.bulk = bulk;
        this.reasons = reasons;
        this.words = words;
        this.licences = licences;
        this.invoicing = invoicing;
        this.accounts = accounts;
    }

    @GetMapping("/licences/selection")
    @ResponseBody
    SelectionView current(Caller caller, HttpSession session) {
        return view(caller, LicenceSelection.of(session), null);
    }

    /** Adds or removes one licence; the 21st, or one without a client, is refused and changes nothing. */
    @PostMapping("/licences/selection")
    @ResponseBody
    SelectionView toggle(Caller caller, HttpSession session, @RequestParam long id, @RequestParam boolean selected) {
        Set<Long> ids = LicenceSelection.of(session);
        if (!selected) {
            ids.remove(id);
        } else {
            try {
                ids = invoicing.addToSelection(caller, ids, id);
            } catch (InvalidSelectionException refused) {
                // A row left on a page while its licence was deleted (in another tab, by someone else) still offers its
                // box: "Only licences assigned to a client can be invoiced" was said of a licence the row shows
                // assigned.
                return view(
                        caller,
                        ids,
                        deleted(caller, id) ? words.of("console.selection.deleted") : reasons.text(refused));
            }
        }
        LicenceSelection.save(session, ids);
        return view(caller, ids, null);
    }

    /**
     * The same change asked by a page (Accept text/html, a form without the list's script): back to the page it came
     * from, with the refusal as a toast. Only JSON was produced, so a browser got 406 Not Acceptable.
     */
    @PostMapping(value = "/licences/selection", produces = MediaType.TEXT_HTML_VALUE)
    String toggleFromAPage(
            Caller caller,
            HttpSession session,
            @RequestParam long id,
            @RequestParam boolean selected,
            @RequestHeader(name = "Referer", required = false) String from,
            RedirectAttributes redirect) {
        SelectionView view = toggle(caller, session, id, selected);
        if (view.error() != null) {
            Toasts.error(redirect, view.error());
        }
        return "redirect:" + Referers.localPathOr(from, "/licences");
    }

    /** The selection is shown on the list, which a browser asking for this address is sent to. */
    @GetMapping(value = "/licences/selection", produces = MediaType.TEXT_HTML_VALUE)
    String currentForAPage() {
        return "redirect:/licences";
    }

    @PostMapping(value = "/licences/selection/clear", produces = MediaType.TEXT_HTML_VALUE)
    String clearFromAPage(HttpSession session, @RequestHeader(name = "Referer", required = false) String from) {
        LicenceSelection.clear(session);
        return "redirect:" + Referers.localPathOr(from, "/licences");
    }

    private boolean deleted(Caller caller, long id) {
        try {
            licences.details(caller, id);
            return false;
        } catch (LicenceNotFoundException gone) {
            return true;
        }
    }

    @PostMapping("/licences/selection/clear")
    @ResponseBody
    SelectionView clear(Caller caller, HttpSession session) {
        LicenceSelection.clear(session);
        return view(caller, Set.of(), null);
    }

    /** Pauses every selected licence that can be paused; the selection stays, for invoicing next. */
    @PostMapping("/licences/selection/pause")
    String pause(
            Caller caller,
            HttpSession session,
            @RequestHeader(name = "Referer", required = false) String from,
            RedirectAttributes redirect) {
        Set<Long> selected = LicenceSelection.selectable(session, caller, licences);
        if (selected.isEmpty()) {
            return nothingSelected(redirect, from);
        }
        BulkOutcome outcome = bulk.pause(caller, selected);
        toast(redirect, outcome, describe("pause", outcome));
        return "redirect:" + Referers.localPathOr(from, "/licences");
    }

    @PostMapping("/licences/selection/resume")
    String resume(
            Caller caller,
            HttpSession session,
            @RequestHeader(name = "Referer", required = false) String from,
            RedirectAttributes redirect) {
        Set<Long> selected = LicenceSelection.selectable(session, caller, licences);
        if (selected.isEmpty()) {
            return nothingSelected(redirect, from);
        }
        BulkOutcome outcome = bulk.resume(caller, selected);
        toast(redirect, outcome, describe("resume", outcome));
        return "redirect:" + Referers.localPathOr(from, "/licences");
    }

    /**
     * A page left open while its selection was cleared (in another tab, or by sending its invoices) still offers the
     * actions: "Paused none." did not say why nothing happened.
     */
    private String nothingSelected(RedirectAttributes redirect, String from) {
        Toasts.error(redirect, words.of("console.bulk.nothingSelected"));
        return "redirect:" + Referers.localPathOr(from, "/licences");
    }

    private static void toast(RedirectAttributes redirect, BulkOutcome outcome, String text) {
        if (outcome.done().isEmpty()) {
            Toasts.error(redirect, text);
        } else {
            Toasts.success(redirect, text);
        }
    }

    /** The words of each part of a bulk action's outcome: done, then refused by status group. */
    private static final Map<String, String> BULK_WORDS = Map.of(
            "pause.done", "reason.bulk.pause.done",
            "pause.PAUSED", "reason.bulk.pause.refused.paused",
            "pause.EXPIRED", "reason.bulk.pause.refused.expired",
            "resume.done", "reason.bulk.resume.done",
            "resume.NOT_PAUSED", "reason.bulk.resume.refused.notPaused",
            "resume.EXPIRED", "reason.bulk.resume.refused.expired");

    /**
     * One sentence per outcome, such as "Paused 12; 3 were already paused (…); 1 is expired and cannot be paused
     * (…)", naming the refused licences by code. Refused to resume because not paused (available, assigned or
     * active) is one group.
     */
    private String describe(String action, BulkOutcome outcome) {
        List<String> parts = new ArrayList<>();
        parts.add(reasons.text(
                Reason.of(BULK_WORDS.get(action + ".done"), outcome.done().size())));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        outcome.refused()
                .forEach((status, codes) -> groups.computeIfAbsent(
                                status == LifecycleStatus.EXPIRED || status == LifecycleStatus.PAUSED
                                        ? status.name()
                                        : "NOT_PAUSED",
                                group -> new ArrayList<>())
                        .addAll(codes));
        groups.forEach((group, codes) -> parts.add(
                reasons.text(Reason.of(BULK_WORDS.get(action + "." + group), codes.size(), String.join(", ", codes)))));
        if (outcome.gone() > 0) {
            parts.add(reasons.text(Reason.of("reason.bulk.gone", outcome.gone())));
        }
        // French sets a narrow no-break space before a semicolon; the separator is the language's own.
        return String.join(words.of("console.bulk.separator"), parts) + ".";
    }

    @PostMapping("/invoices/send")
    String send(Caller caller, HttpSession session, RedirectAttributes redirect) {
        Set<Long> selected = LicenceSelection.of(session);
        try {
            if (keepOnlyBillable(caller, session, selected)) {
                SendOutcome outcome = invoicing.send(caller, new ArrayList<>(selected));
                LicenceSelection.clear(session);
                Toasts.success(redirect, describe(outcome));
                return "redirect:/invoices";
            }
        } catch (LicenceNotFoundException deletedMeanwhile) {
            keepOnlyBillable(caller, session, selected);
        } catch (InvalidSelectionException refused) {
            Toasts.error(redirect, reasons.text(refused));
            return "redirect:/licences";
        }
        Toasts.error(redirect, words.of("console.toast.send.lost"));
        return "redirect:/licences";
    }

    /**
     * Drops from the selection what can no longer be invoiced (deleted, or unassigned, since it was selected,
     * perhaps by someone else); false when it dropped anything, so that nothing is sent unchecked.
     */
    private boolean keepOnlyBillable(Caller caller, HttpSession session, Set<Long> selected) {
        Set<Long> billable = licences.billableAmounts(caller, selected).keySet();
        if (billable.containsAll(selected)) {
            return true;
        }
        selected.retainAll(billable);
        LicenceSelection.save(session, selected);
        return false;
    }

    private String describe(SendOutcome outcome) {
        if (outcome.count() == 0) {
            return words.of("console.toast.send.waiting", outcome.waiting().size());
        }
        String sent = sent(outcome);
        return outcome.waiting().isEmpty()
                ? sent
                : sent + " "
                        + words.of(
                                "console.toast.send.waiting", outcome.waiting().size());
    }

    private String sent(SendOutcome outcome) {
        String total = outcome.total().formatted();
        return outcome.resent().isEmpty()
                ? words.of("console.toast.send.sent", outcome.count(), total)
                : words.of(
                        "console.toast.send.sentSomeAgain",
                        outcome.count(),
                        outcome.issued().size(),
                        outcome.resent().size(),
                        total);
    }

    private SelectionView view(Caller caller, Set<Long> ids, String error) {
        return view(licences, accounts, caller, ids, error);
    }

    /** What the toolbar shows of these ids; the list also writes it in the page, for a browser without script. */
    static SelectionView view(
            LicenceManagement licences, AccountManagement accounts, Caller caller, Set<Long> ids, String error) {
        Map<Long, Money> amounts = licences.billableAmounts(caller, ids);
        Money total = amounts.values().stream()
                .reduce(Money::plus)
                .orElse(new Money(0, accounts.organisation(caller).currency()));
        return new SelectionView(amounts.keySet(), amounts.size(), total.formatted(), error);
    }

    /** What the toolbar shows: which licences are selected, how many, their total, and any refusal. */
    record SelectionView(Set<Long> ids, int count, String total, String error) {}
}

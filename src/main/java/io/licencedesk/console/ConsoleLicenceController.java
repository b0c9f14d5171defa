package io.licencedesk.console;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.audit.AuditPageRequest;
import io.licencedesk.audit.AuditTrail;
import io.licencedesk.devices.ScreenList;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.invoicing.LicenceTerms;
import io.licencedesk.licence.EditedLicence;
import io.licencedesk.licence.IllegalStatusChangeException;
import io.licencedesk.licence.InvalidLicenceException;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceImports;
import io.licencedesk.licence.LicenceListing;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicenceNotDeletableException;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.renewals.Renewals;
import io.licencedesk.shared.Reason;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The main list, adding a licence, its details, pause, resume and delete. */
@Controller
@RequestMapping("/licences")
class ConsoleLicenceController {

    /** Screens on a page of the licence's details. */
    static final int SCREENS_SIZE = 50;

    /** History entries on a page of the licence's details. */
    static final int HISTORY_SIZE = 20;

    private final LicenceManagement licences;
    private final PlanCatalogue plans;
    private final AccountManagement accounts;
    private final AuditTrail audit;
    private final InvoiceManagement invoicing;
    private final ScreenManagement screens;
    private final LicenceImports imports;
    private final Words words;
    private final Reasons reasons;
    private final Clock clock;

    ConsoleLicenceController(
            LicenceManagement licences,
            PlanCatalogue plans,
            AccountManagement accounts,
            AuditTrail audit,
            InvoiceManagement invoicing,
            ScreenManagement screens,
            LicenceImports imports,
            Reasons reasons,
            Words words,
            Clock clock) {
        this.reasons = reasons;
        this.clock = clock;
        this.words = words;
        this.licences = licences;
        this.plans = plans;
        this.accounts = accounts;
        this.audit = audit;
        this.invoicing = invoicing;
        this.screens = screens;
        this.imports = imports;
    }

    @GetMapping
    String list(
            Caller caller,
            @ModelAttribute("params") LicenceListParams asked,
            HttpSession session,
            Locale locale,
            Model model) {
        // What cannot be read is left out of the filter and the page's links (see LicenceListParams) and named above
        // the list, rather than look filtered, sorted or paged when it is not.
        var ignored = new ArrayList<>(IgnoredFilters.notices(
                "licences", asked.notUnderstood(), LicenceListParams.sizeNoticeArguments(words), words));
        LicenceListParams params = asked.understood();
        Client selectedClient = null;
        if (params.client() != null) {
            selectedClient = accounts.findClient(caller.organisationId(), params.client())
                    .orElse(null);
            if (selectedClient == null) {
                // The same words whether the id is another organisation's client or nobody's: nothing to learn.
                ignored.add(words.of("licences.ignored.unknownClient"));
                params = params.withoutClient();
            }
        }
        LicenceListing listing = licences.list(caller, params.filter(), params.page());
        model.addAttribute("params", params);
        model.addAttribute("listing", listing);
        // The filter's days said beside it, as the dashboard's tile that links here says them (decision 0141).
        model.addAttribute("soonWindow", licences.expiringSoonWindow(caller));
        model.addAttribute(
                "rows", ListedLicence.of(listing.rows(), LicenceSelection.of(session), locale, reasons::text, words));
        model.addAttribute("selectedClient", selectedClient);
        // Written in the page as the script would show it, so that a browser without script acts on the selection
        // with forms (decision 0136).
        var selection = ConsoleSelectionController.view(licences, accounts, caller, LicenceSelection.of(session), null);
        model.addAttribute("selection", selection);
        String plural = selection.count() <= 1 ? "one" : "other"; // French counts 0 as one; English says both alike
        model.addAttribute("selectedWords", words.of("js.selected." + plural, selection.count()));
        model.addAttribute("sendQuestion", words.of("js.send." + plural, selection.count(), selection.total()));
        model.addAttribute("pauseQuestion", words.of("js.pause." + plural, selection.count()));
        model.addAttribute("resumeQuestion", words.of("js.resume." + plural, selection.count()));
        model.addAttribute("pageSizes", LicenceListParams.PAGE_SIZES);
        model.addAttribute("ignored", ignored);
        return "console/licences";
    }

    @GetMapping("/new")
    String addForm(Caller caller, Model model) {
        return form(caller, LicenceForm.empty(), model);
    }

    @PostMapping
    String add(
            Caller caller,
            @Valid @ModelAttribute("form") LicenceForm sent,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        LicenceForm form = clientNamedByEmail(caller, sent, errors);
        reject(
                errors,
                licences.newRefusals(
                        caller,
                        valid(errors, "planId", form.chosenPlanId()),
                        form.name(),
                        form.note(),
                        errors.hasFieldErrors("quantity") ? null : WholeNumber.Validator.parse(form.quantity()),
                        valid(errors, "clientId", form.chosenClientId())));
        if (errors.hasErrors()) {
            return form(caller, form, model);
        }
        try {
            LicenceDetails created = licences.create(caller, form.toNewLicence());
            Toasts.success(
                    redirect, words.of("licences.created", created.couponCode().value()));
            redirect.addFlashAttribute("added", created.id()); // highlighted in the list it returns to
            return "redirect:/licences";
        } catch (InvalidLicenceException invalid) {
            reject(errors, invalid.refusals());
            return form(caller, form, model);
        }
    }

    @GetMapping("/{id}")
    String details(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Long before,
            Model model) {
        LicenceDetails licence = licences.details(caller, id);
        model.addAttribute("licence", licence);
        model.addAttribute(
                "deletionRefusal", licence.deletionRefusal() == null ? null : reasons.text(licence.deletionRefusal()));
        model.addAttribute(
                "renewalRefusal",
                licence.renewal().refusal() == null
                        ? null
                        : reasons.text(licence.renewal().refusal()));
        // A licence of 10,000 screens has as many activations in its history: both are read a page at a time.
        model.addAttribute(
                "history", audit.licenceHistory(caller, id, new AuditPageRequest(after, before, false, HISTORY_SIZE)));
        var invoices = invoicing.forLicence(caller, id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("invoices", invoices);
        model.addAttribute("today", today); // which of them are overdue
        // What Renew now invoices: the running term too only when nobody invoiced it, void invoices counted (0180).
        model.addAttribute("renewInvoicesRunningTerm", Renewals.invoicesRunningTermFirst(licence, invoices));
        // Today's term, the next one a renewal booked ahead, and the past ones, as the portal shows them (decision
        // 0141).
        model.addAttribute(
                "terms",
                LicenceTerms.of(
                        licence.id(),
                        licence.renewal().termNumber(),
                        licence.renewal().termStartsOn(),
                        licence.activatedOn(),
                        licence.endsOn(),
                        invoices,
                        today));
        ScreenList screenList = screens.screens(caller, id, q, page, SCREENS_SIZE);
        model.addAttribute("screenList", screenList);
        model.addAttribute("screens", screenList.page().items());
        // Its history has no "Created" when an import made it (decision 0047): the page names the import instead.
        model.addAttribute("importedBy", imports.creatorOf(caller, id).orElse(null));
        return "console/licence";
    }

    @GetMapping("/{id}/edit")
    String editForm(Caller caller, @PathVariable long id, Model model) {
        LicenceDetails licence = licences.details(caller, id);
        return editForm(caller, licence, LicenceForm.of(licence), model);
    }

    @PostMapping("/{id}/edit")
    String edit(
            Caller caller,
            @PathVariable long id,
            @Valid @ModelAttribute("form") LicenceForm sent,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        LicenceDetails before = licences.details(caller, id);
        LicenceForm form = clientNamedByEmail(caller, sent, errors);
        // A client the form itself refused (not a number) is checked as the licence's own, so that the rules still
        // mark every other field at once (decision 0077): a quantity below the screens went unsaid beside it. The
        // fields left as the page was loaded are checked as the licence has them now (LicenceForm).
        Long clientNow = before.client() == null ? null : before.client().id();
        reject(
                errors,
                licences.editRefusals(
                        caller,
                        id,
                        form.nameOver(before.name()),
                        form.noteOver(before.note()),
                        errors.hasFieldErrors("quantity") ? null : form.quantityOver(before.quantity()),
                        errors.hasFieldErrors("planId")
                                ? null
                                : form.planIdOver(before.plan().id()),
                        errors.hasFieldErrors("clientId") ? clientNow : form.clientIdOver(clientNow)));
        if (errors.hasErrors()) {
            return editForm(caller, before, form, model);
        }
        try {
            // Told by the edit itself, under the licence's lock: "saved" for a form sent as it was loaded misled.
            var changed = new AtomicBoolean();
            LicenceDetails saved = licences.edit(caller, id, current -> {
                Set<String> clashes = form.clashesWith(current);
                if (!clashes.isEmpty()) {
                    throw new EditedMeanwhileException(clashes);
                }
                EditedLicence edited = form.over(current);
                changed.set(edited.changes(current));
                return edited;
            });
            Toasts.success(redirect, savedWords(before, saved, changed.get()));
            return "redirect:/licences/" + id;
        } catch (InvalidLicenceException invalid) {
            reject(errors, invalid.refusals());
            return editForm(caller, before, form, model);
        } catch (EditedMeanwhileException clash) {
            return editedMeanwhile(caller, licences.details(caller, id), form, clash.fields(), model);
        }
    }

    /**
     * The edit page again over the licence as someone else left it, each field both changed saying what it is now:
     * the second of two managers saving the same field replaced the first one's edit without either knowing.
     */
    private String editedMeanwhile(
            Caller caller, LicenceDetails now, LicenceForm form, Set<String> fields, Model model) {
        LicenceForm again = form.over(now);
        var errors = new DirectFieldBindingResult(again, "form");
        for (String field : List.of("name", "note", "quantity", "planId", "clientId")) {
            if (fields.contains(field)) {
                errors.rejectValue(
                        field, "editedMeanwhile", words.of("licenceForm.editedMeanwhile", valueNow(field, now)));
            }
        }
        model.addAttribute("form", again);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        // Not "correct the fields": nothing typed was wrong.
        model.addAttribute("editedMeanwhile", true);
        return editForm(caller, now, again, model);
    }

    private String valueNow(String field, LicenceDetails now) {
        return switch (field) {
            case "name" -> now.name();
            case "note" -> now.note() == null ? words.of("licenceForm.editedMeanwhile.noNote") : now.note();
            case "quantity" -> Integer.toString(now.quantity());
            case "planId" -> now.plan().name();
            default ->
                now.client() == null
                        ? words.of("console.licences.unassigned")
                        : now.client().label();
        };
    }

    private String savedWords(LicenceDetails before, LicenceDetails saved, boolean changed) {
        if (!changed) {
            return words.of("console.toast.licence.unchanged", saved.couponCode());
        }
        return saved.couponCode().equals(before.couponCode())
                ? words.of("console.toast.licence.saved", saved.couponCode())
                : words.of("console.toast.licence.savedNewCode", saved.couponCode(), before.couponCode());
    }

    /**
     * Without JavaScript the client is named by e-mail address (decision 0136): the form as if that client had been
     * chosen in the list, none for an empty address, and for an address no client of the organisation has, a refusal
     * beside it and the client the page was loaded with. The script's form sends no address: its list decides.
     */
    private LicenceForm clientNamedByEmail(Caller caller, LicenceForm sent, BindingResult errors) {
        if (sent.clientEmail() == null || errors.hasFieldErrors("clientEmail")) {
            return errors.hasFieldErrors("clientEmail") ? sent.withClientId(sent.loadedClientId()) : sent;
        }
        if (sent.clientEmail().isBlank()) {
            return sent.withClientId("");
        }
        return accounts.findClientByEmail(caller, sent.clientEmail())
                .map(client -> sent.withClientId(Long.toString(client.id())))
                .orElseGet(() -> {
                    errors.rejectValue("clientEmail", "unknown", words.of("licenceForm.clientEmail.unknown"));
                    return sent.withClientId(sent.loadedClientId());
                });
    }

    /** The value bound to a field, or null when the field is already refused (a plan that is not a number). */
    private static Long valid(BindingResult errors, String field, Long value) {
        return errors.hasFieldErrors(field) ? null : value;
    }

    /**
     * Marks the fields the rules refuse beside those the form itself refused, so that every error shows at once;
     * a field the form already refused keeps its own message.
     */
    private void reject(BindingResult errors, Map<String, Reason> refusals) {
        refusals.forEach((field, reason) -> {
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "invalid", reasons.text(reason));
            }
        });
    }

    @PostMapping("/{id}/pause")
    String pause(
            Caller caller,
            @PathVariable long id,
            @RequestHeader(name = "Referer", required = false) String from,
            RedirectAttributes redirect) {
        return act(
                redirect,
                from,
                () -> words.of(
                        "licences.paused",
                        licences.pause(caller, id).couponCode().value()));
    }

    @PostMapping("/{id}/resume")
    String resume(
            Caller caller,
            @PathVariable long id,
            @RequestHeader(name = "Referer", required = false) String from,
            RedirectAttributes redirect) {
        return act(
                redirect,
                from,
                () -> words.of(
                        "licences.resumed",
                        licences.resume(caller, id).couponCode().value()));
    }

    @PostMapping("/{id}/delete")
    String delete(
            Caller caller,
            @PathVariable long id,
            @RequestHeader(name = "Referer", required = false) String from,
            HttpSession session,
            RedirectAttributes redirect) {
        String code = licences.details(caller, id).couponCode().value();
        try {
            licences.delete(caller, id);
            Set<Long> selected = LicenceSelection.of(session);
            if (selected.remove(id)) {
                LicenceSelection.save(session, selected);
            }
            Toasts.success(redirect, words.of("licences.deleted", code));
            return "redirect:" + listOr(from);
        } catch (LicenceNotDeletableException refused) {
            Toasts.error(redirect, reasons.text(refused));
            return "redirect:/licences/" + id; // the licence, with why it stays
        }
    }

    /** The list the person deleted from, with its filters; from the licence's own page (now gone), the list. */
    private static String listOr(String from) {
        String back = Referers.localPathOr(from, "/licences");
        return back.equals("/licences") || back.startsWith("/licences?") ? back : "/licences";
    }

    /** Runs a status change and goes back where the user clicked, with the outcome as a toast. */
    private String act(RedirectAttributes redirect, String from, java.util.function.Supplier<String> change) {
        try {
            Toasts.success(redirect, change.get());
        } catch (IllegalStatusChangeException refused) {
            Toasts.error(redirect, reasons.text(refused));
        }
        return "redirect:" + Referers.localPathOr(from, "/licences");
    }

    private String editForm(Caller caller, LicenceDetails licence, LicenceForm form, Model model) {
        formModel(caller, form, model);
        model.addAttribute("licence", licence);
        model.addAttribute(
                "planAndClientLock",
                licence.planAndClientLock() == null ? null : reasons.text(licence.planAndClientLock()));
        int screenCount = screens.screenCount(caller, licence.id());
        model.addAttribute("screenCount", screenCount);
        Reason clientLock = licence.clientLock(screenCount);
        model.addAttribute("clientLock", clientLock == null ? null : reasons.text(clientLock));
        return "console/licence-edit";
    }

    private String form(Caller caller, LicenceForm form, Model model) {
        formModel(caller, form, model);
        return "console/licence-form";
    }

    /** What the add and edit forms both show: the form, the plans and the chosen client. */
    private void formModel(Caller caller, LicenceForm form, Model model) {
        // Replacing a bound form would drop its binding result, and with it the messages and typed values
        // (a quantity of "abc" never reaches the record: it stays only in the binding result).
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("plans", plans.plans(caller));
        model.addAttribute(
                "selectedClient",
                form.chosenClientId() == null
                        ? null
                        : accounts.findClient(caller.organisationId(), form.chosenClientId())
                                .orElse(null));
    }
}

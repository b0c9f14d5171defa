package io.licencedesk.portal;

import io.licencedesk.accounts.Caller;
import io.licencedesk.licence.ClientLicence;
import io.licencedesk.licence.ClientLicences;
import io.licencedesk.licence.CodeAlreadyYoursException;
import io.licencedesk.licence.CodeNotRedeemableException;
import io.licencedesk.licence.IllegalStatusChangeException;
import io.licencedesk.licence.RedemptionLimits;
import io.licencedesk.shared.Characters;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.WaitInWords;
import io.licencedesk.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client's licences: the list (the portal's home), redeeming a coupon code, and starting a licence. */
@Controller
class PortalLicenceController {

    private final ClientLicences licences;
    private final RedemptionLimits limits;
    private final LicencePages pages;
    private final Reasons reasons;
    private final Words words;

    PortalLicenceController(
            ClientLicences licences, RedemptionLimits limits, LicencePages pages, Reasons reasons, Words words) {
        this.reasons = reasons;
        this.words = words;
        this.licences = licences;
        this.limits = limits;
        this.pages = pages;
    }

    @GetMapping("/portal")
    String list(Caller client, @RequestParam(defaultValue = "1") int page, Model model) {
        return pages.list(client, page, model);
    }

    @PostMapping("/portal/redeem")
    String redeem(
            Caller client,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (code.isBlank()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return refused(client, code, words.of("portal.redeem.codeMissing"), model);
        }
        OptionalLong wait = limits.attempt(client.userId(), request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            return refused(
                    client, code, words.of("portal.redeem.tooMany", WaitInWords.of(wait.getAsLong(), words)), model);
        }
        try {
            ClientLicence redeemed = licences.redeem(client, code);
            Toasts.success(redirect, words.of("portal.redeem.done", redeemed.name(), Dates.format(redeemed.endsOn())));
            return "redirect:/portal/licences/" + redeemed.id();
        } catch (CodeAlreadyYoursException yours) {
            Toasts.success(redirect, words.of("portal.redeem.alreadyYours", yours.licenceName()));
            return "redirect:/portal/licences/" + yours.licenceId();
        } catch (CodeNotRedeemableException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return refused(client, code, reasons.text(refused), model);
        }
    }

    @GetMapping("/portal/licences/{id}")
    String details(
            Caller client,
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        return pages.licence(client, id, q, page, model);
    }

    @PostMapping("/portal/licences/{id}/activate")
    String activate(Caller client, @PathVariable long id, RedirectAttributes redirect) {
        try {
            ClientLicence active = licences.activate(client, id);
            Toasts.success(redirect, words.of("portal.activate.done", active.name(), Dates.format(active.endsOn())));
        } catch (IllegalStatusChangeException refused) {
            Toasts.error(redirect, words.of("portal.activate.refused"));
        }
        return "redirect:/portal/licences/" + id;
    }

    private String refused(Caller client, String code, String message, Model model) {
        model.addAttribute("code", Characters.first(code, 40));
        model.addAttribute("redeemError", message);
        return pages.list(client, 1, model);
    }
}

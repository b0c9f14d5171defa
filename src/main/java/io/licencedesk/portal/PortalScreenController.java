package io.licencedesk.portal;

import io.licencedesk.accounts.Caller;
import io.licencedesk.devices.InvalidScreenNameException;
import io.licencedesk.devices.RegisteredScreen;
import io.licencedesk.devices.Screen;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.devices.ScreenNotFoundException;
import io.licencedesk.devices.ScreenRegistrationRefusedException;
import io.licencedesk.shared.Characters;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screens of a client's licence: register (the device credential is shown once, in the
 * answer to the registration itself, never stored in the session), rename and remove.
 */
@Controller
class PortalScreenController {

    private final ScreenManagement screens;
    private final LicencePages pages;
    private final Reasons reasons;
    private final Words words;

    PortalScreenController(ScreenManagement screens, LicencePages pages, Reasons reasons, Words words) {
        this.reasons = reasons;
        this.words = words;
        this.screens = screens;
        this.pages = pages;
    }

    @PostMapping("/portal/licences/{id}/screens")
    String register(
            Caller client,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            HttpServletResponse response,
            Model model) {
        try {
            RegisteredScreen registered = screens.register(client, id, name);
            model.addAttribute("registered", registered);
            model.addAttribute(
                    "toast",
                    words.of("portal.screen.registered", registered.screen().name()));
            model.addAttribute("toastKind", "success");
            return pages.licence(client, id, model);
        } catch (InvalidScreenNameException | ScreenRegistrationRefusedException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("screenName", Characters.first(name, 200));
            model.addAttribute("screenError", reasons.text(refused));
            return pages.licence(client, id, model);
        }
    }

    @PostMapping("/portal/licences/{id}/screens/{screenId}/rename")
    String rename(
            Caller client,
            @PathVariable long id,
            @PathVariable long screenId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            Screen renamed = screens.rename(client, id, screenId, name);
            Toasts.success(redirect, words.of("portal.screen.renamed", renamed.name()));
            return LicencePages.redirectToLicence(id, q, page);
        } catch (ScreenNotFoundException gone) {
            return gone(id, q, page, redirect);
        } catch (InvalidScreenNameException refused) {
            // The page the client was on again, with this screen's rename form open, what was typed and why it was
            // refused.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("renameScreenId", screenId);
            model.addAttribute("renameName", Characters.first(name, 200));
            model.addAttribute("renameError", reasons.text(refused));
            return pages.licence(client, id, q, page, model);
        }
    }

    @PostMapping("/portal/licences/{id}/screens/{screenId}/remove")
    String remove(
            Caller client,
            @PathVariable long id,
            @PathVariable long screenId,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            RedirectAttributes redirect) {
        try {
            screens.remove(client, id, screenId);
        } catch (ScreenNotFoundException gone) {
            return gone(id, q, page, redirect);
        }
        Toasts.success(redirect, words.of("portal.screen.removed"));
        return LicencePages.redirectToLicence(id, q, page);
    }

    /**
     * The licence is the client's (else it is not found), but the screen is not on it any more: removed from another
     * window, or by a second click. Their licence's page says so, rather than a page saying there is nothing here.
     */
    private String gone(long id, String q, int page, RedirectAttributes redirect) {
        Toasts.error(redirect, words.of("portal.screen.gone"));
        return LicencePages.redirectToLicence(id, q, page);
    }
}

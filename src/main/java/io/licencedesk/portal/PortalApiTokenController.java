package io.licencedesk.portal;

import io.licencedesk.accounts.Caller;
import io.licencedesk.web.ApiTokenForm;
import io.licencedesk.web.ApiTokenPages;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A client's own API tokens, under their profile: each acts as that client, on their licences and invoices. */
@Controller
@RequestMapping("/portal/profile/api-tokens")
class PortalApiTokenController {

    private static final String VIEW = "portal/api-tokens";

    private final ApiTokenPages pages;

    PortalApiTokenController(ApiTokenPages pages) {
        this.pages = pages;
    }

    @GetMapping
    String list(Caller client, Model model) {
        return pages.page(client, model, VIEW);
    }

    @PostMapping
    String issue(Caller client, @Valid @ModelAttribute("form") ApiTokenForm form, BindingResult errors, Model model) {
        return pages.issue(client, form, errors, model, VIEW);
    }

    @PostMapping("/{id}/revoke")
    String revoke(Caller client, @PathVariable long id, RedirectAttributes redirect) {
        pages.revoke(client, id, redirect);
        return "redirect:/portal/profile/api-tokens";
    }
}

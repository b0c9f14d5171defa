package io.licencedesk.console;

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

/** A staff member's own API tokens (owners and account managers alike): make one, see them, revoke one. */
@Controller
@RequestMapping("/api-tokens")
class ConsoleApiTokenController {

    private static final String VIEW = "console/api-tokens";

    private final ApiTokenPages pages;

    ConsoleApiTokenController(ApiTokenPages pages) {
        this.pages = pages;
    }

    @GetMapping
    String list(Caller caller, Model model) {
        return pages.page(caller, model, VIEW);
    }

    @PostMapping
    String issue(Caller caller, @Valid @ModelAttribute("form") ApiTokenForm form, BindingResult errors, Model model) {
        return pages.issue(caller, form, errors, model, VIEW);
    }

    @PostMapping("/{id}/revoke")
    String revoke(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        pages.revoke(caller, id, redirect);
        return "redirect:/api-tokens";
    }
}

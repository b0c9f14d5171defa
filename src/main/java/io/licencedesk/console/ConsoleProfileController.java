package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.People;
import io.licencedesk.accounts.Person;
import io.licencedesk.web.PasswordChangeForm;
import io.licencedesk.web.ProfilePages;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member of staff's own profile: their name, the address they sign in with, the language of their pages (decision
 * 0053), and changing their password. What the portal's profile does alike is in {@link ProfilePages}.
 */
@Controller
@RequestMapping("/profile")
class ConsoleProfileController {

    private static final String VIEW = "console/profile";

    private final People people;
    private final ProfilePages profiles;
    private final Words words;

    ConsoleProfileController(People people, ProfilePages profiles, Words words) {
        this.people = people;
        this.profiles = profiles;
        this.words = words;
    }

    @GetMapping
    String show(Caller caller, Model model) {
        Person me = people.me(caller);
        model.addAttribute("nameForm", new StaffNameForm(me.name()));
        model.addAttribute("passwordForm", PasswordChangeForm.empty());
        return page(caller, me, model);
    }

    @PostMapping
    String rename(
            Caller caller,
            @Valid @ModelAttribute("nameForm") StaffNameForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            model.addAttribute("passwordForm", PasswordChangeForm.empty());
            return page(caller, people.me(caller), model);
        }
        people.rename(caller, form.name());
        profiles.refreshSignedInUser(caller, request, response);
        Toasts.success(redirect, words.of("people.profile.saved"));
        return "redirect:/profile";
    }

    @PostMapping("/password")
    String changePassword(
            Caller caller,
            @Valid @ModelAttribute("passwordForm") PasswordChangeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (profiles.changePassword(caller, form, errors, redirect)) {
            return "redirect:/profile";
        }
        Person me = people.me(caller);
        model.addAttribute("nameForm", new StaffNameForm(me.name()));
        return page(caller, me, model);
    }

    @PostMapping("/language")
    String language(
            Caller caller,
            @RequestParam(name = "language", required = false) String code,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        profiles.chooseLanguage(caller, code, redirect, request, response);
        return "redirect:/profile";
    }

    private String page(Caller caller, Person me, Model model) {
        model.addAttribute("person", me);
        model.addAttribute("language", profiles.chosenLanguage(caller));
        return VIEW;
    }
}

package io.licencedesk.console;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.EmailAlreadyUsedException;
import io.licencedesk.accounts.People;
import io.licencedesk.accounts.PeopleRefusedException;
import io.licencedesk.accounts.Person;
import io.licencedesk.accounts.Role;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import jakarta.validation.Valid;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's staff, for owners only (decision 0055): invite an owner or an account manager, change a
 * person's role, disable and re-enable them. The rules (the last enabled owner stays one) are the façade's.
 */
@Controller
@RequestMapping("/people")
class ConsolePeopleController {

    private static final String VIEW = "console/people";

    /**
     * An owner who changes their own role, or disables themselves (another owner remaining), ends their own session
     * with the others (decision 0055): the People page and its message were lost behind a bare sign-in page. The
     * sign-in page says why instead.
     */
    private static final String SIGNED_OUT_BY_ROLE_CHANGE = "redirect:/login?roleChanged";

    private static final String SIGNED_OUT_BY_DISABLING = "redirect:/login?disabled=staff";

    private final People people;
    private final AccountManagement accounts;
    private final Reasons reasons;
    private final MessageSource messages;

    ConsolePeopleController(People people, AccountManagement accounts, Reasons reasons, MessageSource messages) {
        this.accounts = accounts;
        this.people = people;
        this.reasons = reasons;
        this.messages = messages;
    }

    @GetMapping
    String list(Caller caller, Model model) {
        model.addAttribute("form", InvitePersonForm.empty());
        return page(caller, model);
    }

    @PostMapping
    String invite(
            Caller caller,
            @Valid @ModelAttribute("form") InvitePersonForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(caller, model);
        }
        Person invited;
        try {
            invited = people.invite(caller, form.name(), form.email(), Role.valueOf(form.role()));
        } catch (EmailAlreadyUsedException taken) {
            // A colleague invited before and not yet in is on this page: say so, and where to invite them again. One
            // of the organisation's clients is not on it: "of your organisation" alone left the owner wondering why.
            List<Person> staff = people.staff(caller);
            boolean onStaff = staff.stream().anyMatch(person -> person.email().equals(taken.email()));
            String message = staff.stream()
                    .filter(person -> person.email().equals(taken.email()) && !person.hasPassword())
                    .findFirst()
                    .map(person -> text("people.email.invitedAlready", person.name()))
                    .or(() -> accounts.emailHolder(caller, taken.email())
                            .map(name -> text(onStaff ? "consoleForm.emailTaken.here" : "people.email.client", name)))
                    .orElseGet(() -> text("consoleForm.emailTaken"));
            errors.rejectValue("email", "taken", message);
            return page(caller, model);
        }
        Toasts.success(redirect, text("people.invited", invited.name(), invited.email()));
        return "redirect:/people";
    }

    @PostMapping("/{id}/role")
    String changeRole(
            Caller caller,
            @PathVariable long id,
            @RequestParam(required = false) String role,
            RedirectAttributes redirect) {
        Role chosen = "OWNER".equals(role) ? Role.OWNER : "MANAGER".equals(role) ? Role.MANAGER : null;
        var ownRoleChanged = new AtomicBoolean();
        String answer = act(redirect, () -> {
            // The role they held: "Change role" with the role they already have (the drop-down left as it was, or set
            // in another tab) changes nothing, and "is now Owner. They sign in again to use it." said otherwise.
            Role held = people.staff(caller).stream()
                    .filter(person -> person.id() == id)
                    .map(Person::role)
                    .findFirst()
                    .orElse(null);
            Person changed = people.changeRole(caller, id, chosen);
            ownRoleChanged.set(id == caller.userId() && changed.role() != held);
            String roleName = text("people.role." + changed.role());
            return text(roleMessage(changed, held), changed.name(), roleName);
        });
        return ownRoleChanged.get() ? SIGNED_OUT_BY_ROLE_CHANGE : answer;
    }

    /**
     * "They sign in again to use it" is true only of someone who can sign in: a disabled person cannot, and an invited
     * one has never signed in (and the invitation they hold names the role they were invited with).
     */
    private static String roleMessage(Person changed, Role held) {
        if (changed.role() == held) {
            return "people.roleUnchanged";
        }
        if (!changed.enabled()) {
            return "people.roleChangedDisabled";
        }
        return changed.hasPassword() ? "people.roleChanged" : "people.roleChangedInvited";
    }

    @PostMapping("/{id}/invite")
    String resendInvitation(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, () -> {
            Person invited = people.resendInvitation(caller, id);
            return text("people.invitedAgain", invited.name(), invited.email());
        });
    }

    @PostMapping("/{id}/disable")
    String disable(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        var ownAccount = new AtomicBoolean();
        String answer = act(redirect, () -> {
            Person disabled = people.disable(caller, id);
            ownAccount.set(disabled.id() == caller.userId());
            return text("people.disabled", disabled.name());
        });
        return ownAccount.get() ? SIGNED_OUT_BY_DISABLING : answer;
    }

    @PostMapping("/{id}/enable")
    String enable(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        return act(
                redirect, () -> text("people.enabled", people.enable(caller, id).name()));
    }

    private String act(RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        try {
            Toasts.success(redirect, change.get());
        } catch (PeopleRefusedException refused) {
            Toasts.error(redirect, reasons.text(refused));
        }
        return "redirect:/people";
    }

    private String page(Caller caller, Model model) {
        model.addAttribute("people", people.staff(caller));
        model.addAttribute("expiredInvitations", people.expiredInvitations(caller));
        model.addAttribute("lastOwner", people.lastEnabledOwner(caller));
        return VIEW;
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}

package io.licencedesk.console;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.ClientAccessDisabledException;
import io.licencedesk.accounts.ClientAlreadyActiveException;
import io.licencedesk.accounts.EmailAlreadyUsedException;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.accounts.PeopleRefusedException;
import io.licencedesk.mail.Outbox;
import io.licencedesk.shared.PageOf;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Toasts;
import io.licencedesk.web.Words;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The client list, adding and inviting a client, and the options of the searchable client drop-downs. */
@Controller
@RequestMapping("/clients")
class ConsoleClientController {

    private static final int PAGE_SIZE = 25;
    private static final int OPTIONS = 20;

    private final AccountManagement accounts;
    private final PasswordManagement passwords;
    private final Outbox outbox;
    private final Reasons reasons;
    private final Words words;

    ConsoleClientController(
            AccountManagement accounts, PasswordManagement passwords, Outbox outbox, Reasons reasons, Words words) {
        this.reasons = reasons;
        this.words = words;
        this.accounts = accounts;
        this.passwords = passwords;
        this.outbox = outbox;
    }

    @GetMapping
    String list(
            Caller caller,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        PageOf<Client> clients = accounts.clients(caller, q, page, PAGE_SIZE);
        model.addAttribute("q", q);
        model.addAttribute("clients", clients);
        model.addAttribute(
                "access",
                accounts.access(caller, clients.items().stream().map(Client::id).toList()));
        return "console/clients";
    }

    /** Up to 20 clients matching what was typed; the drop-downs ask again as the user types. */
    @GetMapping("/options")
    @ResponseBody
    List<ClientOption> options(Caller caller, @RequestParam(required = false) String q) {
        return accounts.searchClients(caller, q, OPTIONS).stream()
                .map(ClientOption::of)
                .toList();
    }

    /**
     * A browser asking for the drop-downs' options (a link followed, an address typed) is sent to the clients page,
     * with the same search: only JSON was produced, and a page got 406 Not Acceptable.
     */
    @GetMapping(value = "/options", produces = MediaType.TEXT_HTML_VALUE)
    String optionsForAPage(@RequestParam(required = false) String q) {
        return q == null || q.isBlank()
                ? "redirect:/clients"
                : "redirect:"
                        + UriComponentsBuilder.fromPath("/clients")
                                .queryParam("q", q)
                                .encode()
                                .toUriString();
    }

    @GetMapping("/new")
    String addForm(Model model) {
        model.addAttribute("form", AddClientForm.empty());
        return "console/client-form";
    }

    @PostMapping
    String add(
            Caller caller,
            @Valid @ModelAttribute("form") AddClientForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            rejectTakenEmail(caller, form, null, errors);
            return "console/client-form";
        }
        try {
            Client client = accounts.addClient(caller, form.toNewClient());
            if (form.sendInvitation()) {
                passwords.invite(caller, client.id());
                Toasts.success(
                        redirect, words.of("console.toast.client.addedAndInvited", client.name()) + whereLinksGo());
            } else {
                Toasts.success(redirect, words.of("clients.created", client.name()));
            }
            return "redirect:/clients";
        } catch (EmailAlreadyUsedException taken) {
            errors.rejectValue("email", "taken", taken(caller, form.email()));
            return "console/client-form";
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(Caller caller, @PathVariable long id, Model model) {
        Client client = accounts.client(caller, id);
        model.addAttribute("form", AddClientForm.of(client));
        model.addAttribute("clientId", id);
        model.addAttribute("clientName", client.name());
        return "console/client-form";
    }

    @PostMapping("/{id}")
    String edit(
            Caller caller,
            @PathVariable long id,
            @Valid @ModelAttribute("form") AddClientForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("clientName", accounts.client(caller, id).name());
        model.addAttribute("clientId", id);
        if (errors.hasErrors()) {
            rejectTakenEmail(caller, form, id, errors);
            return "console/client-form";
        }
        try {
            Client client = accounts.updateClient(caller, id, form.toNewClient());
            Toasts.success(redirect, words.of("console.toast.client.saved", client.name()));
            // Back to the client's page, where the details just saved show, rather than the list.
            return "redirect:/clients/" + id;
        } catch (EmailAlreadyUsedException taken) {
            errors.rejectValue("email", "taken", taken(caller, form.email()));
            return "console/client-form";
        }
    }

    /** E-mails the client a link to choose a password; a link sent before stops working. */
    @PostMapping("/{id}/invite")
    String invite(
            Caller caller,
            @PathVariable long id,
            @RequestHeader(name = "Referer", required = false) String from,
            RedirectAttributes redirect) {
        Client client = accounts.client(caller, id);
        try {
            passwords.invite(caller, id);
            Toasts.success(redirect, words.of("console.toast.client.invited", client.email()) + whereLinksGo());
        } catch (ClientAlreadyActiveException | ClientAccessDisabledException refused) {
            Toasts.error(redirect, reasons.text(refused));
        } catch (PeopleRefusedException tooOften) {
            Toasts.error(redirect, reasons.text(tooOften));
        }
        return "redirect:" + Referers.localPathOr(from, "/clients");
    }

    /**
     * A form refused for another field also says that its e-mail address is taken, so that every refusal shows at
     * once, as on the licence form; saving refuses a taken address in any case.
     */
    private void rejectTakenEmail(Caller caller, AddClientForm form, Long clientId, BindingResult errors) {
        // A field that could not be bound (a yes/no box sent "maybe") leaves no form to refuse the address beside.
        boolean bound = errors.getFieldErrors().stream().noneMatch(FieldError::isBindingFailure);
        if (bound
                && !errors.hasFieldErrors("email")
                && form.email() != null
                && !form.email().isBlank()
                && accounts.emailTaken(caller, form.email(), clientId)) {
            errors.rejectValue("email", "taken", taken(caller, form.email()));
        }
    }

    /**
     * Why an address is refused as taken: whose it is when someone of the caller's organisation has it, and only that it
     * has an account otherwise. Addresses are unique across organisations, so the refusal itself says that the address
     * has an account somewhere; the words say nothing more of it (decision 0132).
     */
    private String taken(Caller caller, String email) {
        return accounts.emailHolder(caller, email)
                .map(name -> words.of("consoleForm.emailTaken.here", name))
                .orElseGet(() -> words.of("consoleForm.emailTaken"));
    }

    /** On the demo without a mail server, the invitation's link is only in the server's log: say so. */
    private String whereLinksGo() {
        return outbox.accountLinksGoToTheLog() ? " " + words.of("people.client.linkInLog") : "";
    }

    record ClientOption(long id, String label) {
        static ClientOption of(Client client) {
            return new ClientOption(client.id(), client.label());
        }
    }
}

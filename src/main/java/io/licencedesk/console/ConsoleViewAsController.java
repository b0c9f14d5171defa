package io.licencedesk.console;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.People;
import io.licencedesk.web.ViewingAs;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "View as client" (decision 0056): staff open the portal as one of their clients sees it, read-only, and stop. Both
 * are recorded in the audit log. Staff stay signed in as themselves throughout.
 */
@Controller
class ConsoleViewAsController {

    private final People people;

    ConsoleViewAsController(People people) {
        this.people = people;
    }

    @PostMapping("/clients/{id}/view-as")
    String start(Caller caller, @PathVariable long id, HttpServletRequest request) {
        ViewingAs.client(request).ifPresent(previous -> people.stopViewing(caller, previous.userId()));
        ViewingAs.start(request, people.startViewing(caller, id));
        return "redirect:/portal";
    }

    @PostMapping("/view-as/stop")
    String stop(Caller caller, HttpServletRequest request) {
        var client = ViewingAs.client(request);
        if (client.isEmpty()) {
            return "redirect:/clients";
        }
        people.stopViewing(caller, client.get().userId());
        ViewingAs.stop(request);
        return "redirect:/clients/" + client.get().userId();
    }
}

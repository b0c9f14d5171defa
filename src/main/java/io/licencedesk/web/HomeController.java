package io.licencedesk.web;

import io.licencedesk.accounts.Caller;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page, and the home page that sends each role to its own place. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Caller caller) {
        return caller.isStaff() ? "redirect:/licences" : "redirect:/portal";
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String tooMany, Authentication signedIn, Model model) {
        // Someone already signed in (a bookmark, the back button) goes home rather than to a second sign-in.
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        // The wait comes back in the address; anything but a plain number of seconds is ignored.
        if (tooMany != null && tooMany.matches("\\d{1,5}")) {
            model.addAttribute("retryAfter", Integer.parseInt(tooMany));
        }
        return "sign-in";
    }
}

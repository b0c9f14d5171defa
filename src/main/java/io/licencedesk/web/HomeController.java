package io.licencedesk.web;

import io.licencedesk.accounts.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page, and the home page that sends each role to its own place. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Caller caller) {
        return caller.isStaff() ? "redirect:/licences" : "redirect:/portal";
    }

    @GetMapping("/login")
    String signIn() {
        return "sign-in";
    }
}

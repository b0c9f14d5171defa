package io.licencedesk.web;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.DemoSignIns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page, and the home page that sends each role to its own place: staff to the dashboard, clients to the portal. */
@Controller
class HomeController {

    private final Words words;
    private final DemoSignIns demo;

    HomeController(Words words, DemoSignIns demo) {
        this.words = words;
        this.demo = demo;
    }

    /**
     * The e-mail address the sign-in form shows again: the one just refused or the one that just chose its password,
     * kept by {@link SignInEmail}. Never a password.
     */
    static final String EMAIL = "email";

    /**
     * Staff see the console's dashboard (the console module answers /dashboard; forwarded, the address stays /), clients
     * go to the portal.
     */
    @GetMapping("/")
    String home(Caller caller) {
        return caller.isStaff() ? "forward:/dashboard" : "redirect:/portal";
    }

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) String tooMany,
            @RequestParam(required = false) String failed,
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        // Someone already signed in (a bookmark, the back button) goes home rather than to a second sign-in.
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        // The wait comes back in the address; anything but a plain number of seconds is ignored.
        if (tooMany != null && tooMany.matches("\\d{1,5}")) {
            model.addAttribute("retryAfter", WaitInWords.of(Integer.parseInt(tooMany), words));
        }
        // The fields themselves say why they were refused, for screen readers (aria-invalid, aria-describedby).
        model.addAttribute("refused", failed != null);
        SignInEmail.take(request, response).ifPresent(email -> model.addAttribute(EMAIL, email));
        model.addAttribute("demoSignIns", demo.offered());
        return "sign-in";
    }

    /**
     * Keeps the e-mail address of a refused sign-in for the form shown next, so that only the password is typed again:
     * in a cookie, since a refused sign-in makes no session (decision 0132).
     */
    static void rememberEmail(HttpServletRequest request, HttpServletResponse response) {
        SignInEmail.keep(request, response, request.getParameter("email"));
    }
}

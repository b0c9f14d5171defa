package io.licencedesk.web;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.DemoSignIns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
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
     * The e-mail address the sign-in form shows again: the one just refused (kept in the session by
     * {@link #rememberEmail}) or the one that just chose its password (a flash attribute). Never a password.
     */
    static final String EMAIL = "email";

    private static final String LAST_EMAIL = HomeController.class.getName() + ".lastEmail";

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
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LAST_EMAIL) instanceof String email) {
            session.removeAttribute(LAST_EMAIL);
            model.addAttribute(EMAIL, email);
        }
        model.addAttribute("demoSignIns", demo.offered());
        return "sign-in";
    }

    /** Keeps the e-mail address of a refused sign-in for the form shown next, so that only the password is typed again. */
    static void rememberEmail(HttpServletRequest request) {
        String email = request.getParameter("email");
        if (email != null && !email.isBlank() && email.length() <= 254) {
            request.getSession().setAttribute(LAST_EMAIL, email.strip());
        }
    }
}

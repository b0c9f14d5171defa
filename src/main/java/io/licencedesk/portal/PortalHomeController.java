package io.licencedesk.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's start page, where clients land after signing in. */
@Controller
class PortalHomeController {

    @GetMapping("/portal")
    String home() {
        return "portal/home";
    }
}

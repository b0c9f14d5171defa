package io.licencedesk.console;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-line outcome of an action, shown as a toast on the next page. */
final class Toasts {

    private Toasts() {}

    static void success(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("toast", message);
        redirect.addFlashAttribute("toastKind", "success");
    }

    static void error(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("toast", message);
        redirect.addFlashAttribute("toastKind", "danger");
    }
}

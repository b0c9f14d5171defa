package io.licencedesk.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-line outcome of an action, shown as a toast on the next page. */
public final class Toasts {

    private Toasts() {}

    public static void success(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("toast", message);
        redirect.addFlashAttribute("toastKind", "success");
    }

    public static void error(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("toast", message);
        redirect.addFlashAttribute("toastKind", "danger");
    }
}

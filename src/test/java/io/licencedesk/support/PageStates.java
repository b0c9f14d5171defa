package io.licencedesk.support;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The states of a page that loading it does not show, for sweeps that read a page as the browser lays it out
 * ({@link TargetSizes}, decision 0102): each dialog the page opens, and the answer to each of its forms sent with
 * values it refuses.
 */
public final class PageStates {

    /**
     * Marks one control for each dialog the page opens: a Bootstrap dialog's (one per dialog and verb, as Pause and
     * Resume share one), a licence's Delete with and without its refusal, and the question of a form that asks first.
     */
    private static final String MARK_OPENERS = """
            () => {
              const openers = new Map();
              const add = (kind, element) => {
                if (element && !element.disabled && element.checkVisibility() && !openers.has(kind)) {
                  openers.set(kind, element);
                }
              };
              document.querySelectorAll('[data-bs-toggle=modal]').forEach(element =>
                  add(element.dataset.bsTarget + ' ' + (element.dataset.verb || ''), element));
              document.querySelectorAll('[data-delete]').forEach(element =>
                  add('delete ' + element.hasAttribute('data-refusal'), element));
              document.querySelectorAll('form[data-confirm-question], form[data-ask]').forEach(form =>
                  add('ask', form.querySelector('button:not([type=button]), input[type=submit]')));
              [...openers.values()].forEach((element, at) => element.setAttribute('data-sweep-opener', at));
              return openers.size;
            }""";

    /** Notes when Bootstrap says a dialog finished opening, or closing. */
    private static final String LISTEN =
            "type => document.addEventListener(type, () => (window.sweepEvent = type), {once: true, capture: true})";

    /**
     * Marks the forms that post what a person types, opening any folded away, and fills them with what they refuse:
     * text longer than any field takes (set by script, past its maxlength), a negative number, no date. A form that
     * asks first (voiding an invoice) is marked as answered yes, so that it is sent as a person who said yes sends it.
     */
    private static final String MARK_FORMS = """
            () => {
              // A form folded away (a screen's Rename) is opened, as a person does to use it.
              document.querySelectorAll('details:has(form[method=post])').forEach(details => (details.open = true));
              const fields = form => [...form.elements].filter(field => field.checkVisibility() && !field.disabled
                  && !field.readOnly && (field.tagName === 'TEXTAREA' || field.tagName === 'INPUT'
                      && ['text', 'email', 'url', 'search', 'tel', 'password', 'number', 'date'].includes(field.type)));
              const forms = [...document.forms].filter(form => form.method === 'post' && fields(form).length > 0);
              forms.forEach((form, at) => {
                form.setAttribute('data-sweep-form', at);
                if (form.dataset.confirmQuestion || form.dataset.ask) {
                  form.dataset.confirmed = 'yes'; // app.js's question, answered yes
                }
                form.noValidate = true; // the server's answer is the state swept, not the browser's bubble
                fields(form).forEach(field => {
                  field.value = field.type === 'number' ? '-1' : field.type === 'date' ? '' : 'x'.repeat(2000);
                });
              });
              return forms.length;
            }""";

    private static final String REFUSED = "() => document.querySelector('.is-invalid') !== null"
            + " || [...document.querySelectorAll('.invalid-feedback, .alert-danger, .text-bg-danger')]"
            + ".some(element => element.checkVisibility() && element.textContent.trim() !== '')";

    private PageStates() {}

    /**
     * Tells the page that the person prefers reduced motion, for the rest of its life: Bootstrap's dialogs then open
     * and close at once instead of fading and sliding for 0.3 s each way, and its menu and colour changes are instant.
     * A sweep reads a dialog after {@code shown.bs.modal}, which with motion came on a loaded machine before the dialog
     * had arrived (5 of 36, once at opacity 0); nothing of the application's own CSS or script asks for the
     * preference (decision 0178).
     */
    public static void withoutMotion(Page page) {
        page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
    }

    /** Opens each dialog of the page as it is, hands it to the check while open, and closes it with Escape. */
    public static int eachDialog(Page page, Consumer<String> check) {
        int openers = ((Number) page.evaluate(MARK_OPENERS)).intValue();
        for (int at = 0; at < openers; at++) {
            Locator opener = page.locator("[data-sweep-opener='" + at + "']");
            String what = String.valueOf(opener.evaluate("element => element.title || element.textContent.trim()"));
            page.evaluate(LISTEN, "shown.bs.modal");
            opener.click();
            page.waitForFunction("type => window.sweepEvent === type", "shown.bs.modal");
            check.accept("the dialog of \"" + what + "\"");
            page.evaluate(LISTEN, "hidden.bs.modal");
            page.keyboard().press("Escape");
            page.waitForFunction("type => window.sweepEvent === type", "hidden.bs.modal");
        }
        return openers;
    }

    /**
     * Sends each form of the page at this path with values it refuses, one page load each, and hands the answer to
     * the check; the answer is a refusal when it shows a field marked invalid or an alert. Returns the forms whose
     * answer was no refusal.
     *
     * @param asLoaded the browser shows the page at this path as it loaded, untouched: its first form is sent from it
     *     rather than from a second load of the same page (each further form needs a load of its own, the answer to
     *     the one before having replaced the page)
     */
    public static List<String> eachFormRefused(Page page, String path, boolean asLoaded, Consumer<String> check) {
        List<String> accepted = new ArrayList<>();
        if (!asLoaded) {
            page.navigate(path);
        }
        int forms = ((Number) page.evaluate(MARK_FORMS)).intValue();
        for (int at = 0; at < forms; at++) {
            if (at > 0) {
                page.navigate(path);
                page.evaluate(MARK_FORMS);
            }
            Locator form = page.locator("form[data-sweep-form='" + at + "']");
            String what = path + " form " + (at + 1) + " (" + form.getAttribute("action") + ")";
            page.evaluate("() => window.sweepBefore = true");
            form.evaluate(
                    "form => form.requestSubmit(form.querySelector('button:not([type=button]), input[type=submit]'))");
            page.waitForFunction("() => !window.sweepBefore && document.readyState === 'complete'");
            if (!(Boolean) page.evaluate(REFUSED)) {
                accepted.add(what);
            }
            check.accept(what + " refused");
        }
        return accepted;
    }
}

package io.licencedesk.support;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core run in a page the browser tests show (decision 0054). {@link Browsers} checks every page a test loads and
 * the page as each test leaves it; a test calls {@link #check(Page)} itself for a state reached without a page load
 * (an open dialog, a form answered by htmx). Any violation, of any impact, fails the test.
 */
public final class Accessibility {

    private static final String TOASTS = "kind => document.querySelectorAll('.toast')"
            + ".forEach(toast => toast.dispatchEvent(new MouseEvent(kind, {bubbles: true})))";

    private Accessibility() {}

    /** Fails with every violation axe finds in the page as it is now. */
    public static void check(Page page) {
        List<String> found = violations(page);
        if (!found.isEmpty()) {
            throw new AssertionError(report(found));
        }
    }

    static String report(List<String> found) {
        return "axe found accessibility violations:\n  " + String.join("\n  ", found);
    }

    /**
     * One line per violation: the page, the rule, its impact and the selectors of the elements at fault. Nothing for a
     * page that is not HTML (a PDF, a download) or that navigated away while axe ran.
     */
    static List<String> violations(Page page) {
        List<String> found = new ArrayList<>();
        AxeResults results;
        try {
            if (page.isClosed()
                    || !"text/html".equals(page.evaluate("() => document.contentType"))
                    || !page.url().startsWith("http")) {
                return found;
            }
            // A toast hides itself after a few seconds, which axe's run must not use up: it is held as if the pointer
            // were on it (Bootstrap's own pause), and let go with its full time again after.
            page.evaluate(TOASTS, "mouseover");
            results = new AxeBuilder(page).analyze();
            page.evaluate(TOASTS, "mouseout");
        } catch (PlaywrightException navigatedAway) {
            return found;
        } catch (RuntimeException notInjected) {
            // axe-core's "unable to inject" when the page navigated while its script was being added.
            if (String.valueOf(notInjected.getMessage()).contains("inject")) {
                return found;
            }
            throw notInjected;
        }
        if (results.isErrored()
                && String.valueOf(results.getErrorMessage()).contains("Execution context was destroyed")) {
            return found; // navigated away while axe ran: the next page is checked when it loads
        }
        if (results.isErrored()) {
            found.add(page.url() + ": axe did not run: " + results.getErrorMessage());
            return found;
        }
        for (Rule rule : results.getViolations()) {
            List<String> targets = new ArrayList<>();
            for (CheckedNode node : rule.getNodes()) {
                targets.add(String.valueOf(node.getTarget()));
            }
            found.add(page.url() + " " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                    + targets);
        }
        return found;
    }
}

package io.licencedesk.support;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * axe-core run in a page the browser tests show (decision 0054). {@link Browsers} checks every page a test loads and
 * the page as each test leaves it, once per state of a page in a build; a test calls {@link #check(Page)} itself for a
 * state reached without a page load (an open dialog, a form answered by htmx), which is always checked. Any
 * violation, of any impact, fails the test.
 */
public final class Accessibility {

    private static final String TOASTS = "kind => document.querySelectorAll('.toast')"
            + ".forEach(toast => toast.dispatchEvent(new MouseEvent(kind, {bubbles: true})))";

    /**
     * Waits for the page's running transitions to end (not the endless ones, such as a progress bar's stripes), and
     * for those they set off in turn: a dialog's backdrop fades in, then the dialog; a dialog fades out, then gives the
     * focus back to its button. A button given the focus fades to its focused colours in 0.15 s (Bootstrap's outline
     * buttons fill in), and axe, run in that fraction of a second, measured the contrast of a colour half-way there,
     * which nobody reads: a check that failed or passed with the machine's load. Two frames with nothing running are
     * taken as settled; after 20 rounds it gives up waiting and lets axe judge what is there.
     */
    private static final String SETTLED = """
            () => {
              const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
              const running = () => document.getAnimations().filter(animation =>
                  animation.playState === 'running' && animation.effect?.getComputedTiming().endTime !== Infinity);
              const settled = async () => {
                for (let round = 0; round < 20; round++) {
                  await frames();
                  const now = running();
                  if (now.length === 0) {
                    return;
                  }
                  await Promise.all(now.map(animation => animation.finished.catch(() => null)));
                }
              };
              // A page in the background gets no animation frames: it is not waited for beyond 3 s.
              return Promise.race([settled(), new Promise(done => setTimeout(done, 3000))]);
            }
            """;

    /**
     * What makes one state of a page differ from another for axe, read from the page: its language, phone or wide
     * window, the kinds of badge, button, alert and toast it shows, whether a field is marked invalid, what is open
     * (a dialog, a menu, a drop-down) and whether its tables have rows. Values that only change the data (ids, names,
     * how many rows) are left out, so that the hundredth load of a licence's page does not run axe again.
     */
    private static final String STATE = """
            () => {
              const d = document;
              const kinds = [...new Set([...d.querySelectorAll('.badge, .btn, .alert, .toast')]
                  .map(element => element.className))].sort().join(',');
              return [d.documentElement.lang,
                      innerWidth < 768 ? 'phone' : 'wide',
                      kinds,
                      d.querySelectorAll('.is-invalid, [aria-invalid=true]').length > 0,
                      [...d.querySelectorAll('dialog[open], .modal.show, .dropdown-menu.show, .offcanvas.show, '
                          + '.ts-dropdown:not([style*="display: none"]), [aria-expanded=true]')]
                          .map(element => element.tagName + '.' + element.className).sort().join(','),
                      d.querySelectorAll('tbody tr').length > 0].join('|');
            }""";

    /** Page states checked in this JVM, by {@link #state}: each is checked once per build. */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final AtomicInteger SKIPPED = new AtomicInteger();

    private Accessibility() {}

    /**
     * The violations in a page that a browser test loaded or left, unless a page in the same state was checked
     * already in this JVM (decision 0054): the same route with the same query parameters (ids and values aside), in
     * the same language and window class, showing the same kinds of badges, buttons, alerts, toasts and open parts.
     */
    static List<String> violationsOfNewState(Page page) {
        String state;
        try {
            state = state(page);
        } catch (PlaywrightException navigatedAway) {
            return List.of();
        }
        if (state != null && !CHECKED.add(state)) {
            SKIPPED.incrementAndGet();
            return List.of();
        }
        List<String> found = violations(page);
        if (!found.isEmpty() && state != null) {
            CHECKED.remove(state); // a state with violations fails every test that reaches it
        }
        return found;
    }

    /** How often axe ran and how often a page's state had been checked already, for the test log. */
    static String tally() {
        return "axe ran on " + RUNS.get() + " page states; " + SKIPPED.get() + " loads were of a state checked before";
    }

    private static String state(Page page) {
        if (page.isClosed() || !page.url().startsWith("http")) {
            return null;
        }
        URI address = URI.create(page.url());
        String path =
                address.getPath().replaceAll("/[0-9]+(?=/|$)", "/{n}").replaceAll("/[A-Za-z0-9_-]{20,}", "/{token}");
        String parameters = address.getQuery() == null
                ? ""
                : Arrays.stream(address.getQuery().split("&"))
                        .map(parameter -> parameter.split("=", 2)[0])
                        .sorted()
                        .distinct()
                        .collect(Collectors.joining(","));
        return path + "?" + parameters + "|" + page.evaluate(STATE);
    }

    /** Fails with every violation axe finds in the page as it is now. */
    public static void check(Page page) {
        List<String> found = violations(page);
        if (!found.isEmpty()) {
            throw new AssertionError(report(found));
        }
    }

    /**
     * The controls whose visible text is not within their accessible name (WCAG 2.5.3, Label in Name), which axe
     * leaves out of its default run as experimental: a "Change role" button named "Change the role of Max Manager"
     * cannot be clicked by a voice-control user who says what they see. One line per control, its HTML.
     */
    public static List<String> labelsNotInTheirNames(Page page) {
        AxeResults results =
                axe(page).withRules(List.of("label-content-name-mismatch")).analyze();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                found.add(node.getHtml());
            }
        }
        return found;
    }

    /**
     * axe's own run in the page (the integration's "legacy mode", decision 0106). Its default runs axe in each frame
     * and gathers the results in a blank page of a browser context opened for that, into which it loads axe's 560 kB
     * again, on every run; the pages have no frames, and the one run in the page finds the same.
     *
     * <p>Only the violations are asked for in full (axe's resultTypes): every rule still runs on every element, but
     * the passes, the incomplete and the inapplicable, which nothing here reads, are kept to one node each instead of
     * every element of the page, to be copied out of the browser and parsed. Run both ways on the same 197 page states,
     * the violations were the same and the runs a fifth shorter (decision 0173).
     */
    private static AxeBuilder axe(Page page) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder(page).setLegacyMode(true).options(options);
    }

    /** axe run in the page as it is now, once more after a navigation that took its script away. */
    private static AxeResults analyze(Page page) {
        try {
            return axe(page).analyze();
        } catch (PlaywrightException notDefined) {
            if (!String.valueOf(notDefined.getMessage()).contains("axe is not defined")) {
                throw notDefined;
            }
            // axe's script went into the document before a navigation (a link followed just before), its run into
            // the next one: once that has loaded, it is run there again
            page.waitForLoadState();
            return axe(page).analyze();
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
            page.evaluate(SETTLED);
            RUNS.incrementAndGet();
            results = analyze(page);
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

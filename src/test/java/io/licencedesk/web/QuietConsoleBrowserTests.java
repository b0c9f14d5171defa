package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.BrowserTest;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main pages of the sign-in, the console and the portal leave the browser's console quiet: no error, no request
 * answered 4xx or 5xx, no request that failed (decision 0171). A signed-in client's browser was answered 403 for
 * {@code /favicon.ico}, which a browser asks for by itself for a page that names no icon it can use (a PDF, a JSON
 * answer, a browser without SVG icons) and shows as an error in its console. Chromium takes the SVG the pages name, so
 * each page's icons and the root's are asked for here as such a browser does, with the page's cookies.
 */
@BrowserTest
@TestInstance(Lifecycle.PER_CLASS)
class QuietConsoleBrowserTests {

    /** What a browser asks for by itself besides what the page names: the root's icons. */
    static final List<String> ASKED_BY_THE_BROWSER = List.of("/favicon.ico", "/apple-touch-icon.png");

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    InvoiceManagement invoicing;

    TestOrganisation org;
    long licence;
    long invoice;

    @BeforeAll
    void createOrganisation() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        licence = licences.create(
                        org.manager(),
                        new NewLicence(
                                monthly.id(), "Reception", null, 2, org.alice().userId()))
                .id();
        invoice =
                invoicing.send(org.manager(), List.of(licence)).issued().get(0).id();
    }

    @Test
    void theSignInPagesAreQuiet(Page page) {
        Problems problems = Problems.of(page);

        for (String path : List.of("/login", "/password/forgot")) {
            problems.visit(path);
        }

        assertThat(problems.found).isEmpty();
    }

    @Test
    void theConsolesMainPagesAreQuiet(Page page) {
        Problems problems = Problems.of(page);
        signIn(page, org.owner());

        for (String path : problems.menu()) {
            problems.visit(path);
        }
        for (String path : List.of(
                "/licences/" + licence,
                "/licences/new",
                "/clients/" + org.alice().userId(),
                "/invoices/" + invoice)) {
            problems.visit(path);
        }
        problems.visitAnErrorPage("/no-such-page");

        assertThat(problems.visited).contains("/licences", "/clients", "/invoices", "/settings");
        assertThat(problems.found).isEmpty();
    }

    @Test
    void thePortalsMainPagesAreQuiet(Page page) {
        Problems problems = Problems.of(page);
        signIn(page, org.alice());

        for (String path : problems.menu()) {
            problems.visit(path);
        }
        problems.visit("/portal/licences/" + licence);
        problems.visit("/portal/invoices/" + invoice);
        problems.visitAnErrorPage("/portal/no-such-page");

        assertThat(problems.visited).contains("/portal", "/portal/invoices", "/portal/profile");
        assertThat(problems.found).isEmpty();
    }

    private static void signIn(Page page, Caller caller) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(caller.email());
        page.getByLabel("Password").fill(TestOrganisation.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** What went wrong in the browser while it showed the pages visited: each as the address and what happened. */
    static final class Problems {

        final Page page;
        final List<String> found = new ArrayList<>();
        final List<String> visited = new ArrayList<>();
        /** The address of an error page being visited, whose own status is meant. */
        String errorPage;

        private Problems(Page page) {
            this.page = page;
        }

        static Problems of(Page page) {
            Problems problems = new Problems(page);
            page.onConsoleMessage(message -> {
                // An error page's own status, which Chromium reports as a resource that failed to load.
                boolean theErrorPagesOwn = problems.errorPage != null
                        && message.location().startsWith(problems.errorPage + ":")
                        && message.text().startsWith("Failed to load resource");
                if (message.type().equals("error") && !theErrorPagesOwn) {
                    problems.found.add(page.url() + ": console error " + message.text());
                }
            });
            page.onPageError(error -> problems.found.add(page.url() + ": script error " + error));
            page.onResponse(response -> {
                if (response.status() >= 400 && !response.url().equals(problems.errorPage)) {
                    problems.found.add(response.url() + ": " + response.status());
                }
            });
            page.onRequestFailed(request -> problems.found.add(request.url() + ": " + request.failure()));
            return problems;
        }

        /** The local addresses of the menu of the page shown, the signed-in person's own menu included. */
        List<String> menu() {
            Set<String> paths = new LinkedHashSet<>();
            for (Object href : (List<?>) page.evaluate(
                    "() => [...document.querySelectorAll('nav a[href]')]" + ".map(a => a.getAttribute('href'))")) {
                String path = String.valueOf(href);
                if (path.startsWith("/") && !path.contains("?") && !path.contains("#")) {
                    paths.add(path);
                }
            }
            return List.copyOf(paths);
        }

        void visit(String path) {
            page.navigate(path);
            page.waitForLoadState();
            visited.add(path);
            askForTheIcons(path);
        }

        void visitAnErrorPage(String path) {
            errorPage = java.net.URI.create(page.url()).resolve(path).toString();
            visit(path);
            errorPage = null;
        }

        /** What a browser with a window asks for by itself: the icons the page names, and the root's. */
        private void askForTheIcons(String path) {
            List<String> icons = new ArrayList<>(ASKED_BY_THE_BROWSER);
            for (Object href : (List<?>)
                    page.evaluate("() => [...document.querySelectorAll('link[rel~=icon], link[rel=apple-touch-icon]')]"
                            + ".map(link => link.getAttribute('href'))")) {
                icons.add(String.valueOf(href));
            }
            assertThat(icons).as("the icons %s names", path).hasSizeGreaterThan(ASKED_BY_THE_BROWSER.size());
            for (String icon : icons) {
                APIResponse answer = page.request().get(icon);
                if (answer.status() != 200
                        || !answer.headers().getOrDefault("content-type", "").startsWith("image/")) {
                    found.add(path + " " + icon + ": " + answer.status() + " "
                            + answer.headers().get("content-type"));
                }
            }
        }
    }
}

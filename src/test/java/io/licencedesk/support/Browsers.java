package io.licencedesk.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts Debian's Chromium once per test run (Playwright must not download its own) and gives each
 * test method a {@link Page} in a fresh browser context: its own cookies, a laptop-sized window, the
 * clipboard allowed, and the application's address as base URL.
 */
public class Browsers implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {

    /** The screen of a common laptop, on which the console has to be readable. */
    public static final int WIDTH = 1366;

    public static final int HEIGHT = 768;

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Namespace NAMESPACE = Namespace.create(Browsers.class);
    private static final String VIOLATIONS = "accessibility violations";

    static {
        // Playwright's own default of 5 s is too tight for a 2-core machine shared with other builds.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Started by the first browser test class and kept for the rest of the run: a Chromium and Playwright's driver
        // per class cost a few seconds each. JUnit closes it when the run ends (an AutoCloseable in the root store).
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Chromium.class, key -> new Chromium(), Chromium.class);
    }

    /** Playwright and the Chromium it drives, shared by every browser test class of a run. */
    private static final class Chromium implements AutoCloseable {

        final Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        final Browser browser;

        Chromium() {
            try {
                browser = launch(playwright);
            } catch (RuntimeException failed) {
                playwright.close();
                throw failed;
            }
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }

    private static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.out.println(Accessibility.tally());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BrowserContext browserContext = context.getStore(NAMESPACE).remove(BrowserContext.class, BrowserContext.class);
        if (browserContext == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> violations = context.getStore(NAMESPACE).remove(VIOLATIONS, Set.class);
        try {
            if (context.getExecutionException().isPresent()) {
                keepForDiagnosis(browserContext, name(context));
                return;
            }
            // The page as the test leaves it: an open dialog, a form answered without a page load.
            for (Page page : browserContext.pages()) {
                violations.addAll(Accessibility.violationsOfNewState(page));
            }
            if (!violations.isEmpty()) {
                keepForDiagnosis(browserContext, name(context));
                throw new AssertionError(Accessibility.report(List.copyOf(violations)));
            }
        } finally {
            browserContext.close();
        }
    }

    private static String name(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
    }

    /** What the browser showed when a test failed, in target/browser-failures/. */
    private static void keepForDiagnosis(BrowserContext browserContext, String name) {
        for (Page page : browserContext.pages()) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Paths.get("target", "browser-failures", name + ".png"))
                    .setFullPage(true));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Page.class;
    }

    @Override
    public Page resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port");
        Browser browser = context.getRoot().getStore(NAMESPACE).get(Chromium.class, Chromium.class).browser;
        BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(WIDTH, HEIGHT)
                .setLocale("en-GB")
                .setTimezoneId("UTC")
                .setPermissions(List.of("clipboard-read", "clipboard-write")));
        browserContext.setDefaultTimeout(15_000);
        context.getStore(NAMESPACE).put(BrowserContext.class, browserContext);
        // Every page a test loads is checked with axe as it loads (decision 0054), unless a page in the same state was
        // checked before in this build; afterEach fails the test with what was found, kept in order and once each.
        // The page as the test leaves it is checked too.
        Set<String> violations = new LinkedHashSet<>();
        context.getStore(NAMESPACE).put(VIOLATIONS, violations);
        browserContext.onPage(
                page -> page.onLoad(loaded -> violations.addAll(Accessibility.violationsOfNewState(loaded))));
        return browserContext.newPage();
    }
}

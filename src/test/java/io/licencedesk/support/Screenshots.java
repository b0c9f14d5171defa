package io.licencedesk.support;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Saves what the browser shows into docs/screenshots/, where the README picks the pictures up, but only when
 * asked ({@code ./mvnw test -Dtest='*BrowserTests' -Dscreenshots}): a test run leaves the work tree as it found
 * it. Otherwise the page is still taken to its loaded state, so the test does the same either way.
 */
public final class Screenshots {

    private static final Path FOLDER = Paths.get("docs", "screenshots");
    private static final boolean WANTED = System.getProperty("screenshots") != null;

    private Screenshots() {}

    /** The visible window only, as a person on a 1366×768 laptop sees it. */
    public static void save(Page page, String name) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        if (WANTED) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(FOLDER.resolve(name))
                    .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
        }
    }
}

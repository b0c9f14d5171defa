package io.licencedesk.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.regex.Pattern;

/** What a person looks for on the console's pages, found by role, label and visible text. */
final class LicenceList {

    private LicenceList() {}

    /** The licence rows of the main list (the header row has column headers, not cells). */
    static Locator rows(Page page) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.CELL)));
    }

    /** The row that shows a licence's name (or any other text). */
    static Locator row(Page page, String text) {
        return rows(page).filter(new Locator.FilterOptions().setHasText(text));
    }

    /** The rows' names, each a link to its licence (a row's other links are its edit and assign actions). */
    static Locator names(Page page) {
        return rows(page).locator("a.licence-name");
    }

    static Locator toast(Page page, String text) {
        return page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(text));
    }

    /** The value beside a label in a details list (a dt followed by its dd). */
    static Locator detail(Page page, String label) {
        return page.getByRole(AriaRole.TERM)
                .filter(new Locator.FilterOptions().setHasText(exactly(label)))
                .locator("xpath=following-sibling::dd[1]");
    }

    /**
     * Picks an option of a searchable drop-down (tom-select) from the keyboard: tab into it, type part
     * of the name (or open the list with the down arrow), click the option that the server offers.
     */
    static void choose(Page page, String dropDown, String typed, String option) {
        // Until the page's scripts have run, the drop-down is still the plain select it enhances.
        page.waitForLoadState(LoadState.LOAD);
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(dropDown))
                .focus();
        if (typed.isEmpty()) {
            page.keyboard().press("ArrowDown");
        } else {
            page.keyboard().type(typed);
        }
        page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName(dropDown))
                .getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(exactly(option)))
                .click();
    }

    /**
     * A pattern for exactly this text. Playwright hands patterns to JavaScript, which does not know
     * Java's quoting (\Q...\E), so the special characters are escaped one by one.
     */
    static Pattern exactly(String text) {
        return Pattern.compile("^" + text.replaceAll("[\\^$.|?*+()\\[\\]{}]", "\\\\$0") + "$");
    }
}

package io.licencedesk.support;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The parts of a page the browser tests look for the way a person does, by role and exact name, shared so that each
 * test class does not write them again.
 */
public final class PageParts {

    private PageParts() {}

    public static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    public static Locator link(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * A paging link that leads nowhere (Previous on the first page, Next on the last), by its text or its label: shown
     * greyed, not a link (so not a Tab stop), and announced as disabled.
     */
    public static Locator disabledPageLink(Page page, String name) {
        Locator disabled = page.locator("nav span[aria-disabled=true]");
        return disabled.filter(new Locator.FilterOptions().setHasText(name))
                .or(page.locator("nav span[aria-disabled=true][aria-label=\"" + name + "\"]"));
    }

    /** The field with exactly this label. */
    public static Locator label(Page page, String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    /** A toast (the confirmation shown after an action) holding this text. */
    public static Locator toast(Page page, String text) {
        return page.locator("#toasts .toast").filter(new Locator.FilterOptions().setHasText(text));
    }

    /** A live status region (role status) holding this text. */
    public static Locator status(Page page, String text) {
        return page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(text));
    }

    /**
     * Answers yes in the page's own dialog that a form asking before it acts opens (app.js), after checking that it
     * asks this question. The browser's native dialog is never used: Playwright would dismiss it unseen.
     */
    public static void confirm(Page page, String question, String yes) {
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(dialog)
                .containsText(question);
        dialog.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(yes).setExact(true))
                .click();
    }
}

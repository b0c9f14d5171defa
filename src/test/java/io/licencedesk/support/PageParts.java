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
}

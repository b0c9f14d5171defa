package io.licencedesk.devices;

import io.licencedesk.shared.PageOf;

/**
 * A page of a licence's screens, those whose name contains {@code search} (null: all of them), with how many screens
 * the licence has in all, which its seats are counted against.
 */
public record ScreenList(PageOf<Screen> page, String search, int registered) {

    /** Whether the page shows some of the licence's screens only: a search, or more than one page. */
    public boolean partial() {
        return search != null || page.pageCount() > 1;
    }
}

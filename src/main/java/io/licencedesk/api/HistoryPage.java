package io.licencedesk.api;

import io.licencedesk.audit.LicenceHistoryPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a licence's history, newest first, with the cursors around it, as the licence list pages. A cursor is
 * opaque; it names the licence and an entry of its history, which is never deleted, so it stays valid. The licence
 * is in it so that a cursor of one licence's history sent with another's is refused rather than read as a place in
 * it (decision 0101).
 */
@Schema(name = "HistoryPage")
record HistoryPage(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<HistoryEntry> data,

        @Schema(
                description = "True when nextCursor leads to more (older) entries.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean hasMore,

        @Schema(description = "Pass as `after` for the next (older) page.")
        String nextCursor,

        @Schema(description = "Pass as `before` for the previous (newer) page.")
        String previousCursor)
        implements PagedAnswer {

    private static final String PREFIX = "history:";

    static HistoryPage of(long licenceId, LicenceHistoryPage page) {
        // A page asked for before the newest entry is empty, with no cursor to go on from: no more either.
        String next = page.hasNext() ? cursor(licenceId, page.nextCursor()) : null;
        return new HistoryPage(
                page.entries().stream().map(HistoryEntry::of).toList(),
                next != null,
                next,
                cursor(licenceId, page.previousCursor()));
    }

    @Override
    public List<PageLink> links() {
        return PagedAnswer.cursorLinks(nextCursor, previousCursor);
    }

    private static String cursor(long licenceId, Long entryId) {
        return entryId == null
                ? null
                : Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((PREFIX + licenceId + ":" + entryId).getBytes(StandardCharsets.UTF_8));
    }

    /** The place a cursor names: an entry of one licence's history. */
    record Place(long licenceId, long entryId) {}

    /**
     * The place a cursor names, or null when it is not one of a history's cursors; one made before cursors named
     * their licence ({@code history:<entry>}) is not one either.
     */
    static Place place(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] ids =
                    text.startsWith(PREFIX) ? text.substring(PREFIX.length()).split(":", -1) : new String[0];
            if (ids.length != 2) {
                return null;
            }
            long licenceId = Long.parseLong(ids[0]);
            long entryId = Long.parseLong(ids[1]);
            return licenceId > 0 && entryId > 0 ? new Place(licenceId, entryId) : null;
        } catch (IllegalArgumentException unreadable) { // NumberFormatException is one
            return null;
        }
    }
}

package io.licencedesk.api;

import io.licencedesk.audit.LicenceHistoryPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a licence's history, newest first, with the cursors around it, as the licence list pages. A cursor is
 * opaque; it names an entry, which is never deleted, so it stays valid.
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
        String previousCursor) {

    private static final String PREFIX = "history:";

    static HistoryPage of(LicenceHistoryPage page) {
        // A page asked for before the newest entry is empty, with no cursor to go on from: no more either.
        String next = page.hasNext() ? cursor(page.nextCursor()) : null;
        return new HistoryPage(
                page.entries().stream().map(HistoryEntry::of).toList(),
                next != null,
                next,
                cursor(page.previousCursor()));
    }

    private static String cursor(Long entryId) {
        return entryId == null
                ? null
                : Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((PREFIX + entryId).getBytes(StandardCharsets.UTF_8));
    }

    /** The entry a cursor names, or null when it is not one of this list's cursors. */
    static Long entryId(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                return null;
            }
            long id = Long.parseLong(text.substring(PREFIX.length()));
            return id > 0 ? id : null;
        } catch (IllegalArgumentException unreadable) { // NumberFormatException is one
            return null;
        }
    }
}

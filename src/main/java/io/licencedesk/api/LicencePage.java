package io.licencedesk.api;

import io.licencedesk.licence.LicenceListing;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of licences with the cursors around it. A cursor is opaque and stays valid while the licence it
 * names exists: pages do not shift when licences are added.
 */
@Schema(name = "LicencePage")
record LicencePage(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<LicenceListItem> data,

        @Schema(
                description = "How many licences match, counted up to 1,001.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        long count,

        @Schema(
                description = "True when more than 1,000 match; count is then 1,001.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean countCapped,

        @Schema(
                description = "True when nextCursor leads to more licences.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean hasMore,

        @Schema(description = "Pass as `after` for the next page, with the same sort and order.")
        String nextCursor,

        @Schema(description = "Pass as `before` for the previous page, with the same sort and order.")
        String previousCursor)
        implements PagedAnswer {

    static LicencePage of(LicenceListing listing) {
        // A page asked for before the first licence is empty: it has no cursor to go on from, so no more either,
        // for a program that follows nextCursor while hasMore is true.
        String next = listing.hasNext() ? listing.nextCursor() : null;
        return new LicencePage(
                listing.rows().stream().map(LicenceListItem::of).toList(),
                listing.count(),
                listing.countCapped(),
                next != null,
                next,
                listing.hasPrevious() ? listing.previousCursor() : null);
    }

    @Override
    public List<PageLink> links() {
        return PagedAnswer.cursorLinks(nextCursor, previousCursor);
    }
}

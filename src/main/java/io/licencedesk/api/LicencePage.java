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

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean hasMore,

        @Schema(description = "Pass as `after` for the next page.")
        String nextCursor,

        @Schema(description = "Pass as `before` for the previous page.")
        String previousCursor) {

    static LicencePage of(LicenceListing listing) {
        return new LicencePage(
                listing.rows().stream().map(LicenceListItem::of).toList(),
                listing.count(),
                listing.countCapped(),
                listing.hasNext(),
                listing.hasNext() ? listing.nextCursor() : null,
                listing.hasPrevious() ? listing.previousCursor() : null);
    }
}

package io.licencedesk.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a short list (clients, invoices): numbered pages, with the total. Each kind of item is a schema of
 * its own in the OpenAPI document (NumberedPageClient, NumberedPageInvoice, ...), as one "Page" for all of them
 * would give every list the same item type.
 */
record NumberedPage<T>(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<T> data,

        @Schema(description = "This page's number, from 1.", requiredMode = Schema.RequiredMode.REQUIRED)
        int page,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int limit,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long total,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean hasMore) {

    static <S, T> NumberedPage<T> of(io.licencedesk.shared.PageOf<S> page, java.util.function.Function<S, T> each) {
        return new NumberedPage<>(
                page.items().stream().map(each).toList(), page.page(), page.size(), page.total(), page.hasNext());
    }
}

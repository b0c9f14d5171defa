package io.licencedesk.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean hasMore)
        implements PagedAnswer {

    static <S, T> NumberedPage<T> of(io.licencedesk.shared.PageOf<S> page, java.util.function.Function<S, T> each) {
        return new NumberedPage<>(
                page.items().stream().map(each).toList(), page.page(), page.size(), page.total(), page.hasNext());
    }

    /** Numbered pages know their total, so their last page too; past it, a request was answered the last page. */
    @Override
    public List<PageLink> links() {
        long last = Math.max(1, (total + limit - 1) / limit);
        List<PageLink> links = new ArrayList<>();
        links.add(page("first", 1));
        if (page > 1) {
            links.add(page("prev", page - 1));
        }
        if (hasMore) {
            links.add(page("next", page + 1L));
        }
        links.add(page("last", last));
        return links;
    }

    private static PageLink page(String rel, long number) {
        return new PageLink(rel, Map.of("page", Long.toString(number)));
    }
}

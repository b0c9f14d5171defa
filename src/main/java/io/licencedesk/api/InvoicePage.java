package io.licencedesk.api;

import io.licencedesk.invoicing.InvoiceListPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One numbered page of staff's invoices list. A search counts up to 1,001 matches (decision 0164), as the licence list
 * does: beyond 1,000 the last page is not known, so there is no {@code last} link and a program follows {@code
 * hasMore}.
 */
@Schema(name = "InvoicePage")
record InvoicePage(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InvoiceResponse> data,

        @Schema(description = "This page's number, from 1.", requiredMode = Schema.RequiredMode.REQUIRED)
        int page,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int limit,

        @Schema(
                description = "How many invoices the list holds; a search (q) counts up to 1,001.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        long total,

        @Schema(
                description = "True when a search matches more than 1,000 invoices: total is then 1,001, the last page"
                        + " is not known, and a page past the end is empty; follow hasMore.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        boolean totalCapped,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean hasMore)
        implements PagedAnswer {

    static InvoicePage of(InvoiceListPage page) {
        return new InvoicePage(
                page.items().stream().map(InvoiceResponse::of).toList(),
                page.page(),
                page.size(),
                page.total(),
                page.totalCapped(),
                page.hasNext());
    }

    /** As a numbered page's, without {@code last} when the total was capped: no page is known to be the last. */
    @Override
    public List<PageLink> links() {
        List<PageLink> links = new ArrayList<>();
        links.add(page("first", 1));
        if (page > 1) {
            links.add(page("prev", page - 1));
        }
        if (hasMore) {
            links.add(page("next", page + 1L));
        }
        if (!totalCapped) {
            links.add(page("last", Math.max(1, (total + limit - 1) / limit)));
        }
        return links;
    }

    private static PageLink page(String rel, long number) {
        return new PageLink(rel, Map.of("page", Long.toString(number)));
    }
}

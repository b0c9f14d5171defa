package io.licencedesk.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code Link} header ({@link PageLinks}, decision 0144) in the OpenAPI document, on the answer of every list that
 * pages: those whose answer is a page schema, found from the document rather than listed by hand, so that a new list
 * is described as soon as it answers a page.
 */
@Configuration(proxyBeanMethods = false)
class PageLinksDocumentation {

    private static final String SCHEMAS = "#/components/schemas/";

    /** The pages read with cursors; every other page schema is a NumberedPage, or the invoices' InvoicePage. */
    private static final Set<String> CURSOR_PAGES = Set.of(SCHEMAS + "LicencePage", SCHEMAS + "HistoryPage");

    /** Numbered pages whose total a search may cap (decision 0164): no last page is known then. */
    private static final String CAPPED_PAGE = SCHEMAS + "InvoicePage";

    private static final String NUMBERED = "The pages around this one (RFC 8288): rel=\"first\", rel=\"prev\" (unless"
            + " this is the first page), rel=\"next\" (while hasMore) and rel=\"last\", each the address asked for, as"
            + " an absolute path, with every query parameter it had and only page changed.";

    private static final String NUMBERED_CAPPED = "The pages around this one (RFC 8288): rel=\"first\", rel=\"prev\""
            + " (unless this is the first page), rel=\"next\" (while hasMore) and rel=\"last\" (unless totalCapped:"
            + " the last page of a search past 1,000 invoices is not known), each the address asked for, as an"
            + " absolute path, with every query parameter it had and only page changed.";

    private static final String CURSORS = "The pages around this one (RFC 8288): rel=\"first\", rel=\"prev\" (with"
            + " previousCursor as before) and rel=\"next\" (with nextCursor as after) when there is one, each the"
            + " address asked for, as an absolute path, with every query parameter it had and only the cursor"
            + " changed. No rel=\"last\": cursors name places, not page numbers.";

    @Bean
    OpenApiCustomizer pageLinksHeader() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (item.getGet() != null) {
                    document(path, item.getGet());
                }
            });
        };
    }

    private static void document(String path, Operation list) {
        ApiResponse ok =
                list.getResponses() == null ? null : list.getResponses().get("200");
        MediaType json =
                ok == null || ok.getContent() == null ? null : ok.getContent().get("application/json");
        String page = json == null || json.getSchema() == null
                ? null
                : json.getSchema().get$ref();
        boolean capped = CAPPED_PAGE.equals(page);
        if (page == null || !(page.startsWith(SCHEMAS + "NumberedPage") || CURSOR_PAGES.contains(page) || capped)) {
            return;
        }
        boolean cursors = CURSOR_PAGES.contains(page);
        ok.addHeaderObject(
                "Link",
                new Header()
                        .description(cursors ? CURSORS : capped ? NUMBERED_CAPPED : NUMBERED)
                        .schema(new StringSchema().example(cursors ? cursorExample(path) : numberedExample(path))));
    }

    private static String numberedExample(String path) {
        String address = "<" + path.replace("{id}", "4711") + "?limit=25&page=";
        return address + "1>; rel=\"first\", " + address + "1>; rel=\"prev\", " + address + "3>; rel=\"next\", "
                + address + "7>; rel=\"last\"";
    }

    private static String cursorExample(String path) {
        String address = "<" + path.replace("{id}", "4711") + "?limit=25";
        return address + ">; rel=\"first\", " + address + "&before=bGljZW5jZTox>; rel=\"prev\", " + address
                + "&after=bGljZW5jZToy>; rel=\"next\"";
    }
}

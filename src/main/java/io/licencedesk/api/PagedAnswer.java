package io.licencedesk.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer that is one page of a list: it names the pages around it, which {@link PageLinks} writes as the answer's
 * RFC 8288 {@code Link} header.
 */
interface PagedAnswer {

    /** The pages around this one, in the order first, prev, next, last; those the list has. */
    List<PageLink> links();

    /**
     * One page around this one: its relation ({@code first}, {@code prev}, {@code next}, {@code last}) and the query
     * parameters that lead there from the request, each set to its value, or left out where the value is null.
     */
    record PageLink(String rel, Map<String, String> parameters) {}

    /**
     * The links of a list paged with cursors: the first page has neither cursor, the others one of them. No last: a
     * cursor names a place after or before a row, and the last page starts at a row no page has named yet.
     */
    static List<PageLink> cursorLinks(String nextCursor, String previousCursor) {
        List<PageLink> links = new ArrayList<>();
        links.add(new PageLink("first", cursors(null, null)));
        if (previousCursor != null) {
            links.add(new PageLink("prev", cursors(null, previousCursor)));
        }
        if (nextCursor != null) {
            links.add(new PageLink("next", cursors(nextCursor, null)));
        }
        return links;
    }

    private static Map<String, String> cursors(String after, String before) {
        Map<String, String> parameters = new HashMap<>(); // null values: Map.of refuses them
        parameters.put("after", after);
        parameters.put("before", before);
        return parameters;
    }
}

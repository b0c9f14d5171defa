package io.licencedesk.console;

import io.licencedesk.shared.Characters;
import io.licencedesk.web.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The notices a list shows above itself for filters of its address it could not read (a status it does not know, a
 * day that is not one): the list is shown without them, and says so rather than look filtered when it is not. The
 * page shows them with the fragment {@code fragments/ignored-filters}.
 */
final class IgnoredFilters {

    private IgnoredFilters() {}

    /**
     * One sentence per filter not understood, from the message {@code <list>.ignored.<parameter>} with what was
     * typed, shortened. A status is said the same way on every list (the invoice list's words).
     */
    static List<String> notices(String list, Map<String, String> notUnderstood, Words words) {
        return notices(list, notUnderstood, Map.of(), words);
    }

    /**
     * The same, a parameter's message taking {@code more} of its arguments after what was typed (the page sizes the
     * list offers, from their constant rather than written into the message).
     */
    static List<String> notices(
            String list, Map<String, String> notUnderstood, Map<String, List<Object>> more, Words words) {
        var notices = new ArrayList<String>();
        notUnderstood.forEach((parameter, typed) -> {
            var arguments = new ArrayList<Object>();
            arguments.add(shortened(typed));
            arguments.addAll(more.getOrDefault(parameter, List.of()));
            notices.add(words.of(key(list, parameter), arguments.toArray()));
        });
        return notices;
    }

    private static String key(String list, String parameter) {
        return "status".equals(parameter) ? "invoices.ignored.status" : list + ".ignored." + parameter;
    }

    /** What was typed, as the page repeats it: a few words at most. */
    private static String shortened(String typed) {
        return Characters.moreThan(typed, 40) ? Characters.first(typed, 40) + "…" : typed;
    }
}

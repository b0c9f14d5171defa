package io.licencedesk.console;

import io.licencedesk.shared.Characters;
import io.licencedesk.web.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why a CSV download was refused: the sentences of the page shown instead of the file (decision 0092). A list shows
 * itself without a filter it cannot read and says so; a file has no room for that notice, so a download that would
 * hold something other than what its address asks for is not made at all.
 */
final class ExportRefusals {

    private ExportRefusals() {}

    /**
     * One sentence per parameter not understood ({@code export.refused.<parameter>} with what was typed, shortened),
     * then one for a client that is not one of the organisation's, the same words whether it is another
     * organisation's or nobody's.
     */
    static List<String> of(Map<String, String> notUnderstood, boolean unknownClient, Words words) {
        var refusals = new ArrayList<String>();
        notUnderstood.forEach(
                (parameter, typed) -> refusals.add(words.of("export.refused." + parameter, shortened(typed))));
        if (unknownClient) {
            refusals.add(words.of("export.refused.client"));
        }
        return refusals;
    }

    private static String shortened(String typed) {
        return Characters.moreThan(typed, 40) ? Characters.first(typed, 40) + "…" : typed;
    }
}

package io.licencedesk.console;

import java.util.Set;

/**
 * Someone else changed, since the edit page was loaded, a field the person changed too: thrown under the licence's
 * (or webhook endpoint's) lock so that nothing is saved, and the page shows the other edit beside the field instead of
 * undoing it.
 */
final class EditedMeanwhileException extends RuntimeException {

    private final transient Set<String> fields;

    EditedMeanwhileException(Set<String> fields) {
        super("edited meanwhile: " + fields, null, false, false);
        this.fields = Set.copyOf(fields);
    }

    Set<String> fields() {
        return fields;
    }
}

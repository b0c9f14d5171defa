package io.licencedesk.api;

import io.licencedesk.shared.Reason;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Gathers every refused field of a request body in the binding result its annotations filled: the API's own checks
 * (a required field left out) and the domain's rules, so that they are answered together, as one 422 `validation`
 * problem, rather than one round-trip per field (decision 0077). A field already refused keeps its first reason, as
 * the console's forms show one message a field.
 */
final class FieldRefusals {

    private FieldRefusals() {}

    /** A refusal the API words itself. */
    static void refuse(BindingResult refused, String field, String detail) {
        if (!refused.hasFieldErrors(field)) {
            refused.addError(new FieldError(refused.getObjectName(), field, detail));
        }
    }

    /** The domain's refusals, by field; worded when answered, in English from messages.properties. */
    static void refuse(BindingResult refused, Map<String, Reason> rules) {
        rules.forEach((field, reason) -> {
            if (!refused.hasFieldErrors(field)) {
                refused.addError(new FieldError(
                        refused.getObjectName(), field, null, false, reason.getCodes(), reason.getArguments(), null));
            }
        });
    }

    /**
     * The licences of a selection ({@code licenceIds}) refused, each named by its place in the body,
     * {@code licenceIds[i]}, in the body's order, with the reason for its id.
     */
    static Map<String, Reason> selection(List<Long> named, Collection<Long> refusedIds, LongFunction<Reason> why) {
        var refusals = new LinkedHashMap<String, Reason>();
        for (int i = 0; i < named.size(); i++) {
            if (refusedIds.contains(named.get(i))) {
                refusals.put("licenceIds[%d]".formatted(i), why.apply(named.get(i)));
            }
        }
        return refusals;
    }

    /** A selection's licences that are not the caller's, in the same words for another organisation's and nobody's. */
    static Map<String, Reason> notYours(List<Long> named, Collection<Long> notYours) {
        return selection(named, notYours, id -> Reason.of("reason.api.licenceNotYours", Long.toString(id)));
    }

    /** Answers every refusal gathered, if there is one, before anything is read or changed. */
    static void answerIfAny(BindingResult refused) throws BindException {
        if (refused.hasErrors()) {
            throw new BindException(refused);
        }
    }
}

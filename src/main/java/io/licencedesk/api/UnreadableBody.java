package io.licencedesk.api;

import io.licencedesk.shared.Characters;
import io.licencedesk.web.ApiProblemWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Why a JSON body could not be read, in the API's words: the field at fault (its path, {@code licenceIds[1]}) when
 * Jackson knows it, and what it takes. Like Stripe's "Received unknown parameter", so that a program's author sees
 * at once which field to fix instead of guessing from the whole body.
 */
record UnreadableBody(String field, String detail) {

    private static final String GENERAL = "The body is not the JSON this operation takes: check its syntax, field names"
            + " and value types (" + ApiProblemWriter.DOCUMENTATION + ").";

    private static final String NO_OBJECT = "The body is empty, or null: this operation takes a JSON object, {…} ("
            + ApiProblemWriter.DOCUMENTATION + ").";

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]{1,100})\"");

    static UnreadableBody of(HttpMessageNotReadableException unreadable) {
        return of(unreadable, null);
    }

    /**
     * Why the body could not be read, an amount's example written in {@code currency}'s decimals (the caller's
     * organisation's; null: two).
     */
    static UnreadableBody of(HttpMessageNotReadableException unreadable, Currency currency) {
        if (!(unreadable.getCause() instanceof JacksonException jackson)) {
            // No body, or the JSON null, which Spring reports alike: "check its syntax" sent the author looking
            // for a typo in a body that was never sent.
            return new UnreadableBody(null, missing(unreadable) ? NO_OBJECT : GENERAL);
        }
        String field = path(jackson);
        if (jackson instanceof PropertyBindingException unknown) {
            String name = field == null ? unknown.getPropertyName() : field;
            return new UnreadableBody(name, "This operation does not take the field %s.".formatted(name));
        }
        if (jackson instanceof MismatchedInputException && field == null) {
            // The body as a whole is not the object the operation takes: only spaces, an array, a number, a text,
            // or an object followed by more.
            String why = String.valueOf(jackson.getOriginalMessage());
            if (why.startsWith("No content to map")) {
                return new UnreadableBody(null, NO_OBJECT);
            }
            return new UnreadableBody(
                    null,
                    why.startsWith("Trailing token")
                            ? "The body holds more after its JSON object: send the object alone."
                            : "The body must be a JSON object, {…}, with the fields this operation takes ("
                                    + ApiProblemWriter.DOCUMENTATION + ").");
        }
        if (jackson instanceof AmountText.SentAsNumber number && field != null) {
            return new UnreadableBody(
                    field,
                    ("The field %s is an amount: send it as text in double quotes, with the currency's decimals, such as"
                                    + " %s (values are never converted).")
                            .formatted(field, asText(number.number(), currency)));
        }
        if (jackson instanceof MismatchedInputException mismatch && field != null) {
            return new UnreadableBody(
                    field,
                    "The field %s must be %s (values are never converted)."
                            .formatted(field, expected(mismatch.getTargetType())));
        }
        if (jackson instanceof InputCoercionException) {
            // Valid JSON whose number is too large for its field: "not valid JSON" sent the author looking for a typo.
            String what = field == null ? "A number" : "The field " + field;
            return new UnreadableBody(
                    field,
                    "%s is out of range: send a number within its limits (%s)."
                            .formatted(what, ApiProblemWriter.DOCUMENTATION));
        }
        if (jackson instanceof StreamReadException
                && jackson.getMessage() != null
                && jackson.getMessage().startsWith("Duplicate Object property")) {
            // Named, as every other field at fault is: which one a program sent twice is not for its author to guess.
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(jackson.getOriginalMessage()));
            String name = field != null ? field : duplicate.find() ? duplicate.group(1) : null;
            return new UnreadableBody(
                    name,
                    name == null
                            ? "A field is sent twice: send each field once."
                            : "The field %s is sent twice: send each field once.".formatted(name));
        }
        if (jackson instanceof StreamReadException && jackson.getLocation() != null) {
            return new UnreadableBody(
                    null,
                    "The body is not valid JSON (line %d, column %d)."
                            .formatted(
                                    jackson.getLocation().getLineNr(),
                                    jackson.getLocation().getColumnNr()));
        }
        return new UnreadableBody(field, GENERAL);
    }

    /**
     * The amount sent as a number, written as the API takes it: {@code 180} is {@code "180.00"} in euros, {@code "180"}
     * in yen; more decimals than the currency has are kept as sent (the catalogue says why it refuses them). A number
     * too long to quote back gives the example 100 instead.
     */
    static String asText(BigDecimal number, Currency currency) {
        int decimals =
                currency == null || currency.getDefaultFractionDigits() < 0 ? 2 : currency.getDefaultFractionDigits();
        BigDecimal amount =
                number.precision() - number.scale() > 30 || number.scale() > 30 ? BigDecimal.valueOf(100) : number;
        return '"' + (amount.scale() <= decimals ? amount.setScale(decimals) : amount).toPlainString() + '"';
    }

    private static boolean missing(HttpMessageNotReadableException unreadable) {
        return unreadable.getCause() == null
                && unreadable.getMessage() != null
                && unreadable.getMessage().startsWith("Required request body is missing");
    }

    /** What a value of this Java type is, as docs/api.md says it. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of its type";
        }
        if (type == int.class
                || type == long.class
                || type == Integer.class
                || type == Long.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == BigDecimal.class) {
            return "text in double quotes";
        }
        if (type == LocalDate.class) {
            return "a date as text, such as \"2026-12-03\"";
        }
        if (type == Instant.class) {
            return "a UTC time as text, such as \"2026-12-03T21:08:26Z\"";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of its values (/v3/api-docs)";
        }
        return "an object as /v3/api-docs describes it";
    }

    private static String path(JacksonException jackson) {
        if (jackson.getPath().isEmpty()) {
            return null;
        }
        String path = jackson.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        path = path.startsWith(".") ? path.substring(1) : path;
        return Characters.moreThan(path, 100) ? Characters.first(path, 100) + "…" : path; // a name, not a whole body
    }
}

package io.licencedesk.api;

import io.licencedesk.licence.LicencePageRequest;
import io.licencedesk.shared.Reason;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reading the REST API's query parameters: a value outside its list is a 400 that names the allowed ones. */
final class ApiParameters {

    private ApiParameters() {}

    static <E extends Enum<E>> E oneOf(String name, String value, Class<E> values) {
        for (E candidate : values.getEnumConstants()) {
            if (candidate.name().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw invalid(
                name,
                "Use one of "
                        + Arrays.stream(values.getEnumConstants())
                                .map(e -> e.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))
                        + ".");
    }

    /** Every list pages by at most this many, as the console's list does. */
    static final int MAX_LIMIT = LicencePageRequest.MAX_SIZE;

    /** A page size of a list: 1 to {@value #MAX_LIMIT}. */
    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "The parameter limit must be a number from 1 to " + MAX_LIMIT + ".");
        }
    }

    /**
     * A page number of a numbered list: from 1. Below 1 is refused rather than read as page 1, as a limit below 1
     * is; past the last page still answers the last page.
     */
    static void checkPage(int page) {
        if (page < 1) {
            throw invalid("page", "The parameter page must be a page number from 1.");
        }
    }

    /** A day (ISO 8601, 2026-12-03) in the years a database date holds, or null when none is asked for. */
    static LocalDate day(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() >= 1 && day.getYear() <= 9999) {
                return day;
            }
        } catch (DateTimeParseException notADay) {
            // answered below, as a day out of range is
        }
        throw invalid(name, "The parameter %s must be a day such as 2026-12-03.".formatted(name));
    }

    /** A month (ISO 8601, 2026-12) in the years a database date holds, or null when none is asked for. */
    static YearMonth month(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(value);
            if (month.getYear() >= 1 && month.getYear() <= 9999) {
                return month;
            }
        } catch (DateTimeParseException notAMonth) {
            // answered below, as a month out of range is
        }
        throw invalid(name, "The parameter %s must be a month such as 2026-12.".formatted(name));
    }

    static BadParameterException invalid(String name, String detail) {
        return new BadParameterException(name, detail);
    }

    /** A refusal worded in messages.properties, for words the console says too. */
    static BadParameterException invalid(String name, Reason reason) {
        return new BadParameterException(List.of(name), reason.code(), reason);
    }

    /** Query parameters the API cannot use (a value it cannot read, or a name it does not take); answered 400 with their names. */
    static final class BadParameterException extends RuntimeException {

        private final List<String> parameters;
        private final Reason reason;

        BadParameterException(String parameter, String detail) {
            this(List.of(parameter), detail);
        }

        BadParameterException(List<String> parameters, String detail) {
            this(parameters, detail, null);
        }

        private BadParameterException(List<String> parameters, String detail, Reason reason) {
            super(detail);
            this.parameters = List.copyOf(parameters);
            this.reason = reason;
        }

        List<String> parameters() {
            return parameters;
        }

        /** The words of the refusal in messages.properties, or null when the message is the detail. */
        Reason reason() {
            return reason;
        }
    }
}

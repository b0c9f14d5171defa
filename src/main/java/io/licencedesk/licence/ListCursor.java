package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * A place in the main list: the sort and direction it was taken in, and the sort key and id of the row it names.
 * The sort travels with it because the key means nothing in another order: a cursor of a list sorted by name, sent
 * with the list sorted by date created, read its id alone and gave a page from somewhere else (decision 0096).
 * Filters are not in it: a place in an order is a place whatever the filters, as when licences are added.
 */
record ListCursor(LicenceSort sort, boolean ascending, String key, long id) {

    static ListCursor of(LicenceFilter filter, LicenceRow row) {
        String key = switch (filter.sort()) {
            case CREATED -> "";
            case CODE -> row.couponCode();
            case NAME -> row.name();
            case QUANTITY -> Integer.toString(row.quantity());
            case AMOUNT -> Long.toString(row.amount().minorUnits());
            case ENDS -> (row.endsOn() == null ? LocalDate.of(9999, 12, 31) : row.endsOn()).toString();
        };
        return new ListCursor(filter.sort(), filter.ascending(), key, row.id());
    }

    /**
     * The cursor a page link or an API request sent, for a list in the filter's order. A cursor that cannot be read
     * is refused as a bad page link; one of another order with {@link CursorOfAnotherOrderException}.
     */
    static ListCursor read(String text, LicenceFilter filter) {
        ListCursor cursor = decode(text);
        if (cursor.sort != filter.sort() || cursor.ascending != filter.ascending()) {
            throw new CursorOfAnotherOrderException(cursor.sort, cursor.ascending);
        }
        return cursor;
    }

    String text() {
        String order = sort.name().toLowerCase(Locale.ROOT) + (ascending ? ".asc" : ".desc");
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((order + "\n" + key + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key, read as the sort's type; a key that is not is refused like a bad cursor. */
    Object sortKey() {
        try {
            return switch (sort) {
                case CODE, NAME -> key;
                case QUANTITY, AMOUNT -> Long.parseLong(key);
                case ENDS -> Date.valueOf(dayInADatabaseDate(LocalDate.parse(key)));
                case CREATED -> throw new IllegalStateException("sorted by id alone");
            };
        } catch (NumberFormatException | DateTimeParseException malformed) {
            throw notACursor();
        }
    }

    /**
     * A cursor's day within the years a database date holds (the API's days are read so, ApiParameters.day): a
     * tampered {@code +999999999-12-31} reached the query, beyond PostgreSQL's dates.
     */
    private static LocalDate dayInADatabaseDate(LocalDate day) {
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw notACursor();
        }
        return day;
    }

    /**
     * The order, key and id a cursor holds ({@code name.asc\nkey\nid}, the key being any text, new lines too); a
     * cursor that was tampered with, or one made before cursors named their order, is refused as bad input.
     */
    private static ListCursor decode(String text) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw notACursor();
        }
        int afterOrder = plain.indexOf('\n');
        int beforeId = plain.lastIndexOf('\n');
        if (afterOrder < 0 || afterOrder == beforeId) {
            throw notACursor();
        }
        String[] order = plain.substring(0, afterOrder).split("\\.", -1);
        try {
            long id = Long.parseLong(plain.substring(beforeId + 1));
            if (order.length != 2 || !(order[1].equals("asc") || order[1].equals("desc"))) {
                throw notACursor();
            }
            LicenceSort sort = LicenceSort.valueOf(order[0].toUpperCase(Locale.ROOT));
            return new ListCursor(sort, order[1].equals("asc"), plain.substring(afterOrder + 1, beforeId), id);
        } catch (IllegalArgumentException malformed) { // a number or a sort that is not one
            throw notACursor();
        }
    }

    private static InvalidLicenceException notACursor() {
        return new InvalidLicenceException("cursor", Reason.of("reason.licence.pageLinkInvalid"));
    }
}

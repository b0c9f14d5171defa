package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.licencedesk.licence.LicenceFilter;
import io.licencedesk.licence.LicenceSort;
import io.licencedesk.licence.LifecycleStatus;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The licence list's filters, search and sort, which its page ({@code listLicences}) and its CSV file
 * ({@code exportLicences}) both take: documented once, each beside the parameter's {@code @RequestParam} (as {@link
 * CursorParameters}), and read into one {@link LicenceFilter} by {@link #filter}, so that the file holds exactly what
 * the pages list.
 */
final class LicenceListParameters {

    private LicenceListParameters() {}

    /**
     * The filter these parameters ask for; a value that cannot be read is a 400 bad-parameter naming it, and a client
     * that is not one of the caller's too ({@link ClientParameter}).
     */
    static LicenceFilter filter(
            Caller caller,
            ClientParameter clients,
            Long client,
            boolean expiringSoon,
            boolean expired,
            String status,
            String q,
            String sort,
            String order,
            String inUseOn) {
        LicenceSort sortBy = ApiParameters.oneOf("sort", sort, LicenceSort.class);
        boolean ascending = order == null
                ? ascendingByDefault(sortBy)
                : switch (order.toLowerCase(Locale.ROOT)) {
                    case "asc" -> true;
                    case "desc" -> false;
                    default -> throw ApiParameters.invalid("order", "Use asc or desc.");
                };
        LifecycleStatus only = status == null ? null : ApiParameters.oneOf("status", status, LifecycleStatus.class);
        LocalDate day = ApiParameters.day("inUseOn", inUseOn);
        return new LicenceFilter(
                clients.ofYours(caller, client), expiringSoon, expired, q, sortBy, ascending, only, day);
    }

    /**
     * The order of a sort sent without one (decision 0105): newest first by date created, the list's default, and
     * otherwise ascending, as a column of the console's list sorts on its first click and as a reader of a list sorted
     * by name expects. Every sort was descending: {@code sort=name} listed Z to A.
     */
    private static boolean ascendingByDefault(LicenceSort sort) {
        return sort != LicenceSort.CREATED;
    }

    /** {@code client}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "Only this client's licences. A client that is not one of yours is a 400 bad-parameter"
                    + " naming client.")
    @interface Client {}

    /** {@code expiringSoon}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "Active, with its last day (endsOn) from today to the last day of the organisation's"
                    + " expiring-soon window (Settings: 30 days after today by default), both included: the"
                    + " console's Expiring soon filter and its dashboard's count.")
    @interface ExpiringSoon {}

    /** {@code expired}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(description = "Expired (with expiringSoon: either).")
    @interface Expired {}

    /** {@code status}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "Only licences in this status: available, assigned, active, paused or expired.",
            schema = @Schema(allowableValues = {"available", "assigned", "active", "paused", "expired"}))
    @interface Status {}

    /** {@code q}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "Words in the code, name, note, client, plan or status, in any case. A coupon code may be"
                    + " written in groups, as people write it (AB12 CD34, ab12-cd34).")
    @interface Search {}

    /** {@code sort}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "created, code, name, quantity, amount or ends.",
            schema =
                    @Schema(
                            allowableValues = {"created", "code", "name", "quantity", "amount", "ends"},
                            defaultValue = "created"))
    @interface Sort {}

    /** {@code order}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "asc or desc. Left out: desc for created (newest first), asc for the others (A to Z,"
                    + " smallest, soonest ending first), as a column of the console's list sorts on its first click.",
            schema = @Schema(allowableValues = {"asc", "desc"}))
    @interface Order {}

    /** {@code inUseOn}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "Only the licences in use on this day (ISO 8601): activated by then, not yet ended and not"
                    + " paused, as the console's list opened from the dashboard.",
            schema = @Schema(type = "string", format = "date", example = "2026-12-01"))
    @interface InUseOn {}
}

package io.licencedesk.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The cursor parameters of the lists that page by cursor (the licences and a licence's history), documented once:
 * each list wrote them out, and a change to one would have left the other saying something else. Put beside the
 * parameter's {@code @RequestParam(required = false)}; springdoc and KnownQueryParameters read the
 * {@link Parameter} through it ({@code minLength = 1}: an empty cursor is refused, decision 0101).
 */
final class CursorParameters {

    private CursorParameters() {}

    /** {@code after}: a page's nextCursor. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "A nextCursor: the page after it. Not empty: leave it out for the first page.",
            schema = @Schema(type = "string", minLength = 1))
    @interface After {}

    /** {@code before}: a page's previousCursor. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            description = "A previousCursor: the page before it. Not empty.",
            schema = @Schema(type = "string", minLength = 1))
    @interface Before {}
}

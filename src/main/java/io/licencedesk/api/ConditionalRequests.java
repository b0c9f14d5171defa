package io.licencedesk.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collections;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.http.ETag;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Conditional requests on a licence, a client, a plan, an invoice, a client's licence in the portal and a licence
 * import (decisions 0130, 0135 and 0140): their GET, create, PATCH and actions answer an
 * {@code ETag} ({@link EntityTags}); a PATCH or DELETE with {@code If-Match} changes the object only if it is still as
 * the caller read it, else a 412 {@code precondition-failed} that changes nothing; a GET with {@code If-None-Match}
 * naming the current tag is a 304 without a body (Spring MVC answers it from the answer's ETag). Without the headers
 * the operations answer as before: If-Match is asked for, never required, so existing programs keep working.
 */
final class ConditionalRequests {

    static final String IF_MATCH = "If-Match";

    static final String IF_NONE_MATCH = "If-None-Match";

    private ConditionalRequests() {}

    /** {@code If-Match} on a change. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            in = ParameterIn.HEADER,
            name = IF_MATCH,
            description = "The ETag of the object as you read it (quotes included): the change is made only if the"
                    + " object is still that one, else a 412 precondition-failed and nothing changes. Leave it out"
                    + " for the change to apply whatever happened meanwhile.",
            schema = @Schema(type = "string", example = "\"Xq3vJcM0n1p9c2Zw8dKf7a\""))
    @interface IfMatch {}

    /** What {@code If-None-Match} does on a read, which Spring MVC evaluates against the answer's ETag. */
    private static final String IF_NONE_MATCH_DESCRIPTION = "The ETag you hold, several separated by commas, or *:"
            + " when the object is still one of them (compared weakly, so W/\"…\" matches too), or exists at all for"
            + " *, the answer is a 304 Not Modified without a body.";

    /**
     * {@code If-None-Match} on a read that answers an ETag, described once for all of them: on the handler, as Spring
     * MVC reads the header itself rather than through an argument.
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(
            in = ParameterIn.HEADER,
            name = IF_NONE_MATCH,
            description = IF_NONE_MATCH_DESCRIPTION,
            schema = @Schema(type = "string"))
    @interface IfNoneMatch {}

    /**
     * A 200 answer with its ETag; on a read (GET or HEAD) whose {@code If-None-Match} holds {@code *}, the 304 that
     * RFC 9110 13.1.2 gives when a current representation exists (the object was found, or the façade would have
     * refused). Spring MVC compares the other forms itself (a list of tags, weak comparison) but takes {@code *} as a
     * match on unsafe methods only, so a GET with it answered 200 and the body.
     */
    static <T> ResponseEntity<T> tagged(T body) {
        String tag = EntityTags.of(body);
        if (readHoldingAnyVersion()) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).build();
        }
        return ResponseEntity.ok().eTag(tag).body(body);
    }

    /** Whether the request under way is a GET or HEAD whose If-None-Match names any version ({@code *}). */
    private static boolean readHoldingAnyVersion() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        HttpServletRequest request = attributes.getRequest();
        if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
            return false;
        }
        return Collections.list(request.getHeaders(IF_NONE_MATCH)).stream()
                .flatMap(header -> ETag.parse(header).stream())
                .anyMatch(ETag::isWildcard);
    }

    /** A 201 answer with the new object's absolute address (decision 0135) and its ETag. */
    static <T> ResponseEntity<T> created(String path, T body) {
        return ResponseEntity.created(ApiLocations.of(path))
                .eTag(EntityTags.of(body))
                .body(body);
    }

    /**
     * Checks the If-Match header ({@code null}: none sent) against the object as read outside the lock, so that a
     * stale tag is told before the body's faults (decision 0130's order); the façade checks it again under the lock.
     */
    static <T> void checkNow(Consumer<T> expected, T current) {
        if (expected != null) {
            expected.accept(current);
        }
    }

    /**
     * The check a façade runs on the object under its lock for this If-Match header ({@code null} when none was
     * sent): the object as the API writes it must have a tag the header names, or the request is refused.
     */
    static <T> Consumer<T> ifMatch(String header, String object, Function<T, ?> representation) {
        if (header == null) {
            return null;
        }
        return current -> {
            if (!EntityTags.matches(header, EntityTags.of(representation.apply(current)))) {
                throw new PreconditionFailedException(object);
            }
        };
    }

    /** An If-Match that names no tag of the object as it is now: 412, and nothing was changed. */
    static final class PreconditionFailedException extends RuntimeException {

        private final String object;

        PreconditionFailedException(String object) {
            super("If-Match names another version of the " + object, null, false, false);
            this.object = object;
        }

        /** "licence", "client", "plan", "invoice", "licence import". */
        String object() {
            return object;
        }
    }
}

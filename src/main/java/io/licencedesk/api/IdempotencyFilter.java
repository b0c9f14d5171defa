package io.licencedesk.api;

import io.licencedesk.accounts.ApiCaller;
import io.licencedesk.api.IdempotencyKeys.Claim;
import io.licencedesk.api.IdempotencyKeys.Granted;
import io.licencedesk.api.IdempotencyKeys.Replay;
import io.licencedesk.api.IdempotencyKeys.Reused;
import io.licencedesk.api.IdempotencyKeys.StoredAnswer;
import io.licencedesk.web.ApiProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stripe's {@code Idempotency-Key} on every POST of the REST API (docs/api-idempotency.md, decision 0043): the first
 * request with a key runs and its answer is kept, whatever its status below 500 (but 429); the same request again gets
 * that answer again with {@code Idempotent-Replayed: true}; another request with the key is a 422, and one sent while
 * the first still runs a 409. A request that fails (5xx, or an exception) or is limited (429, with Retry-After) lets go
 * of its key, so that it can be retried. Runs after Spring Security's chain, which has found the token the keys belong
 * to; the device API is left alone.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    /** A request with a key is read whole before it runs, to compare it with the key's first: up to this. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** An answer up to this size is kept whole; a larger one is replayed without its body. */
    static final int MAX_KEPT_BODY_BYTES = 1024 * 1024;
    /**
     * Set on the request by an operation whose answer holds a secret shown once (a screen's device credential): its
     * body is not kept, since only a hash of the secret may be stored, and a replay answers its status and Location.
     */
    static final String ANSWER_HOLDS_A_SECRET = IdempotencyFilter.class.getName() + ".secret";
    /**
     * Set on the request by an operation whose answer holds a secret that the server keeps encrypted at rest (a
     * webhook endpoint's signing secret): its body is kept sealed with the same key-encryption key, so that a replay
     * answers the secret again and the database never holds it in plain text (decision 0170).
     */
    static final String ANSWER_KEPT_SEALED = IdempotencyFilter.class.getName() + ".sealed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final ApiProblemWriter problems;

    IdempotencyFilter(IdempotencyKeys keys, ApiProblemWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    /** Marks the request under way as one whose answer is kept sealed ({@link #ANSWER_KEPT_SEALED}). */
    static void keepSealed(HttpServletRequest request) {
        request.setAttribute(ANSWER_KEPT_SEALED, true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/device/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiCaller caller = caller();
        List<String> sent = keyHeaders(request);
        if (caller == null || sent.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = sent.size() == 1 ? sent.get(0) : null;
        if (key == null || !IdempotentRequest.validKey(key)) {
            problems.write(request, response, invalidKey());
            return;
        }
        IdempotentRequest idempotent = IdempotentRequest.read(request, MAX_BODY_BYTES);
        if (idempotent == null) {
            problems.write(request, response, tooLarge());
            return;
        }
        Claim claim;
        try {
            claim = keys.claim(caller.tokenId(), key, idempotent.hash());
        } catch (DataAccessException failure) {
            log.error("Idempotency key not readable", failure);
            problems.write(request, response, unavailable());
            return;
        }
        answer(claim, idempotent, response, chain);
    }

    private void answer(Claim claim, IdempotentRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (claim instanceof Granted granted) {
            run(request, response, chain, granted);
        } else if (claim instanceof Replay replay) {
            replay(response, replay.answer());
        } else if (claim instanceof Reused) {
            problems.write(request, response, reused());
        } else {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, inProgress());
        }
    }

    /**
     * The request's Idempotency-Key headers, an unreadable one as null: Spring Security's firewall throws where a
     * header holding a control character is read.
     */
    private static List<String> keyHeaders(HttpServletRequest request) {
        try {
            return Collections.list(request.getHeaders(HEADER));
        } catch (RequestRejectedException unreadable) {
            return Collections.singletonList(null);
        }
    }

    private void run(IdempotentRequest request, HttpServletResponse response, FilterChain chain, Granted granted)
            throws ServletException, IOException {
        RecordedAnswer answer = new RecordedAnswer(response);
        try {
            chain.doFilter(request, answer);
        } catch (Throwable failed) {
            letGo(granted);
            throw failed;
        }
        if (answer.getStatus() >= 500 || answer.getStatus() == 429 || answer.errorSent()) {
            // A fault or a limit (try again: a 429 kept was replayed for a day, after its Retry-After had passed), or
            // an answer the error page makes after this filter: nothing to replay.
            letGo(granted);
        } else {
            keep(
                    granted,
                    answer,
                    request.getAttribute(ANSWER_HOLDS_A_SECRET) != null,
                    request.getAttribute(ANSWER_KEPT_SEALED) != null);
        }
        answer.copyBodyToResponse();
    }

    private void keep(Granted granted, RecordedAnswer answer, boolean holdsASecret, boolean sealed) {
        byte[] body =
                !holdsASecret && answer.getContentSize() <= MAX_KEPT_BODY_BYTES ? answer.getContentAsByteArray() : null;
        try {
            keys.keep(
                    granted,
                    new StoredAnswer(
                            answer.getStatus(),
                            answer.getContentType(),
                            answer.getHeader(HttpHeaders.LOCATION),
                            answer.getHeader(HttpHeaders.ETAG),
                            body),
                    sealed);
        } catch (DataAccessException failure) {
            // The request's work is done; its key stays in progress until it counts as abandoned.
            log.warn("Answer of idempotency key not kept", failure);
        }
    }

    private void letGo(Granted granted) {
        try {
            keys.letGo(granted);
        } catch (DataAccessException failure) {
            log.warn("Idempotency key not let go; it counts as abandoned after a while", failure);
        }
    }

    private static void replay(HttpServletResponse response, StoredAnswer answer) throws IOException {
        response.setStatus(answer.status());
        response.setHeader(REPLAYED, "true");
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            // The tag of the body replayed, as the first answer had it: an If-Match with it is then refused (412)
            // if the object changed since, as it should be (decision 0135).
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.contentType() != null && answer.body() != null) {
            response.setContentType(answer.contentType());
        }
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static ApiCaller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiCaller caller ? caller : null;
    }

    private static ProblemDetail invalidKey() {
        return ApiProblemWriter.problem(
                HttpStatus.BAD_REQUEST,
                "invalid-idempotency-key",
                "Invalid Idempotency-Key",
                "Send one Idempotency-Key of 1 to " + MAX_KEY_LENGTH
                        + " printable ASCII characters (a random UUID is a good choice).");
    }

    private static ProblemDetail tooLarge() {
        return ApiProblemWriter.problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "Request too large",
                "A request with an Idempotency-Key has a body of at most " + MAX_BODY_BYTES + " bytes.");
    }

    private static ProblemDetail reused() {
        return ApiProblemWriter.problem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused",
                "Idempotency-Key used for another request",
                "This token already sent this Idempotency-Key with another method, address or body. Use a new"
                        + " key for a new request.");
    }

    private static ProblemDetail inProgress() {
        return ApiProblemWriter.problem(
                HttpStatus.CONFLICT,
                "idempotency-key-in-progress",
                "Request with this Idempotency-Key in progress",
                "The first request with this Idempotency-Key is still running. Send it again shortly to get its"
                        + " answer.");
    }

    private static ProblemDetail unavailable() {
        return ApiProblemWriter.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
                "The service could not answer just now. Try again shortly.");
    }
}

package io.licencedesk.accounts;

import io.licencedesk.shared.Characters;
import io.licencedesk.shared.ControlCharacters;
import io.licencedesk.shared.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: a person makes them for their programs, and each acts with that person's role, organisation and
 * client. A token is {@value #PREFIX} and 43 characters of base64url for 32 random bytes; only the SHA-256 of the
 * whole token is stored (decision 0042), so a request finds its token by one indexed equality and a copy of the
 * database gives no one a working token. Revoking, disabling the person or passing the last day stops a token on
 * its next request, on every node: nothing about a token is cached.
 */
@Service
public class ApiTokens {

    /** What every token starts with, so people and secret scanners recognise one. */
    public static final String PREFIX = "ldk_live_";

    static final int NAME_MAX = 100;
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = PREFIX.length() + 43;
    private static final int SHOWN_PREFIX = PREFIX.length() + 6;
    /** When and from where a token was used is written at most this often, not on every request. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** A last day further ahead is no last day: leave it empty instead (and no database stores year 999,999,999). */
    static final int LAST_DAY_YEARS_AHEAD = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** Makes a token for the caller; its secret is in the answer and nowhere else. */
    @Transactional
    public IssuedApiToken issue(Caller caller, NewApiToken request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new ApiTokenRefusedException("name", Reason.of("reason.apiToken.nameRequired"));
        }
        if (Characters.moreThan(name, NAME_MAX) || ControlCharacters.in(name)) {
            throw new ApiTokenRefusedException("name", Reason.of("reason.apiToken.nameInvalid", NAME_MAX));
        }
        Instant now = clock.instant();
        Instant expiresAt = null;
        if (request.expiresOn() != null) {
            checkLastDay(request.expiresOn());
            // It works through its last day, in the server's time zone like every other date here.
            expiresAt = request.expiresOn()
                    .plusDays(1)
                    .atStartOfDay(ZoneId.systemDefault())
                    .toInstant();
        }
        ApiAccess access = Objects.requireNonNullElse(request.access(), ApiAccess.READ_ONLY);
        String secret = newSecret();
        var asked = new NewApiToken(name, access, request.expiresOn());
        long id = tokens.insert(caller, asked, secret.substring(0, SHOWN_PREFIX), hash(secret), expiresAt, now);
        ApiToken issued = tokens.token(caller, id).orElseThrow();
        events.publishEvent(new ApiTokenIssued(caller, issued, now));
        return new IssuedApiToken(issued, secret);
    }

    /**
     * Refuses a last day that is not after today or too far ahead, as {@link #issue} does: a form refused for another
     * field asks this too, so that it shows every field's error at once.
     */
    public void checkLastDay(LocalDate expiresOn) {
        LocalDate today = LocalDate.now(clock);
        if (!expiresOn.isAfter(today)) {
            throw new ApiTokenRefusedException("expiresOn", Reason.of("reason.apiToken.expiryNotAfterToday"));
        }
        if (expiresOn.isAfter(today.plusYears(LAST_DAY_YEARS_AHEAD))) {
            throw new ApiTokenRefusedException(
                    "expiresOn", Reason.of("reason.apiToken.expiryTooFar", LAST_DAY_YEARS_AHEAD));
        }
    }

    /** The caller's own tokens, newest first. */
    @Transactional(readOnly = true)
    public List<ApiToken> tokens(Caller caller) {
        return tokens.tokens(caller);
    }

    /** Revokes one of the caller's tokens; another person's token is not found. Revoking twice changes nothing. */
    @Transactional
    public ApiToken revoke(Caller caller, long id) {
        ApiToken token = tokens.token(caller, id).orElseThrow(() -> new ApiTokenNotFoundException(id));
        if (token.revoked()) {
            return token;
        }
        Instant now = clock.instant();
        tokens.revoke(caller, id, now);
        ApiToken revoked = tokens.token(caller, id).orElseThrow();
        events.publishEvent(new ApiTokenRevoked(caller, token, revoked, now));
        return revoked;
    }

    /**
     * Who a presented token acts for, if it still counts; empty for anything else (malformed, unknown, revoked,
     * expired, its person disabled), which callers answer alike. Records when and from where it was used.
     */
    @Transactional
    public Optional<ApiCaller> authenticate(String presented, String remoteAddress) {
        if (presented == null
                || presented.length() != SECRET_LENGTH
                || !presented.startsWith(PREFIX)
                || !base64Url(presented.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.usable(hash(presented), now).map(found -> {
            String from = remoteAddress == null ? "" : remoteAddress;
            if (found.lastUsedAt() == null
                    || found.lastUsedAt().isBefore(now.minus(USE_RECORDED_EVERY))
                    || !from.equals(found.lastUsedFrom())) {
                tokens.used(found.caller().tokenId(), now, from.length() > 64 ? from.substring(0, 64) : from);
            }
            return found.caller();
        });
    }

    private static String newSecret() {
        byte[] random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static boolean base64Url(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}

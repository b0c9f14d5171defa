package io.licencedesk.devices;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The answer to an activation or a check-in, serialised once and signed as those bytes
 * ({@link SignedAnswer}); a channel sends exactly those bytes with the signature beside them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "valid",
    "reason",
    "licence",
    "endsOn",
    "serverTime",
    "nonce",
    "fingerprint",
    "screenId",
    "screenName",
    "keyId"
})
@Schema(name = "DeviceAnswer", description = "Whether the licence is valid for this device, signed.")
public record DeviceAnswer(
        @Schema(description = "True when the device may play.", requiredMode = Schema.RequiredMode.REQUIRED)
        boolean valid,

        @Schema(
                description = "Why not, when not valid. PAUSED_OVERDUE: paused because its renewal invoice is unpaid.",
                allowableValues = {"PAUSED", "PAUSED_OVERDUE", "EXPIRED", "DEACTIVATED", "SEAT_REVOKED", "NOT_ACTIVATED"
                })
        String reason,

        @Schema(description = "The licence's code (coupon code).", example = "K7Q2M9XA")
        String licence,

        @Schema(
                description = "Last day of the licence's current term (ISO date); absent before activation.",
                example = "2027-11-29",
                format = "date")
        String endsOn,

        @Schema(
                description = "The server's time (ISO-8601 instant, UTC).",
                example = "2026-11-29T18:45:12.345Z",
                format = "date-time")
        String serverTime,

        @Schema(description = "The nonce of the request, as sent.")
        String nonce,

        @Schema(description = "The fingerprint of the request, as sent.")
        String fingerprint,

        @Schema(description = "The seat (screen) this device holds; absent when it holds none.")
        Long screenId,

        @Schema(description = "The name of that screen, as set in the portal.")
        String screenName,

        @Schema(description = "Id of the key that signed this answer (see GET /api/v1/device/keys/{keyId}).")
        String keyId) {

    private static final DateTimeFormatter SERVER_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * An instant as {@code serverTime} is written, in a signed answer and by {@code GET /api/v1/device/time}: UTC,
     * always with its three digits of milliseconds (docs/device-api.md). {@code Instant.toString()} left them out at a
     * whole second, once in a thousand answers, which a player reading the documented form could not parse.
     */
    public static String serverTime(Instant now) {
        return SERVER_TIME.format(now);
    }
}

package io.licencedesk.api;

import io.licencedesk.devices.DeviceAnswer;
import io.licencedesk.devices.DeviceLicensing;
import io.licencedesk.devices.SignedAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device API (docs/device-api.md). Screens authenticate with the device credential their screen was
 * registered with ({@code Authorization: Bearer lds_…}); the security chain leaves this path alone.
 */
@RestController
@RequestMapping(path = "/api/v1/device", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Device", description = "For screens (players): take a seat, check the licence, get the signing key.")
class DeviceApiController {

    static final String SIGNATURE = "Device-Signature";
    static final String SIGNATURE_KEY_ID = "Device-Signature-Key-Id";

    private final DeviceLicensing devices;
    private final Clock clock;

    DeviceApiController(DeviceLicensing devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    @PostMapping(path = "/activate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "activateDevice",
            summary = "Take a seat of the licence for this device",
            description = "Binds the device to the credential's screen, or to a free seat of the same licence when"
                    + " that screen already has another device. Repeating it for the same device is harmless and"
                    + " answers the same seat. Refused when the licence is paused, expired or no longer assigned,"
                    + " when the credential's screen was removed, and when every seat is taken.",
            security = @SecurityRequirement(name = DeviceApiDocumentation.CREDENTIAL))
    @SignedResponses
    @ApiResponse(
            responseCode = "403",
            description = "The credential's screen was removed (credential-revoked).",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "The licence is paused, expired or deactivated, or all its seats are taken"
                    + " (licence-paused, licence-expired, licence-deactivated, seats-taken).",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<byte[]> activate(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @RequestBody DeviceRequest request) {
        return signed(devices.activate(bearer(authorization), request.fingerprint(), request.nonce()));
    }

    @PostMapping(path = "/check-in", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "checkIn",
            summary = "Check whether the licence is valid for this device",
            description = "Answers valid or not (with the reason), the licence's end date, the server's time and"
                    + " the request's nonce, signed with the organisation's Ed25519 key: verify the signature over"
                    + " the exact body bytes, and that nonce and fingerprint are yours.",
            security = @SecurityRequirement(name = DeviceApiDocumentation.CREDENTIAL))
    @SignedResponses
    ResponseEntity<byte[]> checkIn(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @RequestBody DeviceRequest request) {
        return signed(devices.checkIn(bearer(authorization), request.fingerprint(), request.nonce()));
    }

    @GetMapping("/key")
    @Operation(
            operationId = "getDeviceKey",
            summary = "The public key that signs this device's answers",
            security = @SecurityRequirement(name = DeviceApiDocumentation.CREDENTIAL))
    @ApiResponse(responseCode = "200", description = "The key.")
    @ApiResponse(
            responseCode = "401",
            description = "Missing or unknown credential (unknown-credential).",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<PublicKeyAnswer> key(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization) {
        return ResponseEntity.ok(PublicKeyAnswer.of(devices.keyOf(bearer(authorization))));
    }

    @GetMapping("/keys/{keyId}")
    @Operation(
            operationId = "getPublicKey",
            summary = "A public signing key, by its id",
            description = "Public: players fetch it once (at set-up) and keep it to verify answers offline.")
    @ApiResponse(responseCode = "200", description = "The key.")
    @ApiResponse(
            responseCode = "404",
            description = "No key with this id (unknown-key).",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<PublicKeyAnswer> publicKey(@PathVariable String keyId) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
                .body(PublicKeyAnswer.of(devices.key(keyId)));
    }

    @GetMapping("/time")
    @Operation(
            operationId = "getServerTime",
            summary = "The server's time",
            description = "Public and unsigned: for a clock check before activation, and the benchmark's baseline.")
    Map<String, String> time() {
        return Map.of("serverTime", DeviceAnswer.serverTime(clock.instant()));
    }

    /**
     * The credential of an {@code Authorization: Bearer} header, or null (which the devices refuse as unknown); empty
     * when the header names the scheme alone.
     */
    static String bearer(String authorization) {
        if (authorization == null
                || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    private static ResponseEntity<byte[]> signed(SignedAnswer answer) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(SIGNATURE, answer.signature())
                .header(SIGNATURE_KEY_ID, answer.keyId())
                .body(answer.body());
    }

    /** The responses every signed operation shares, for the OpenAPI document. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @ApiResponse(
            responseCode = "200",
            description = "The signed answer.",
            headers = {
                @Header(
                        name = SIGNATURE,
                        description = "Ed25519 signature of the exact body bytes, base64.",
                        schema = @Schema(type = "string")),
                @Header(
                        name = SIGNATURE_KEY_ID,
                        description = "Id of the signing key (GET /api/v1/device/keys/{keyId}).",
                        schema = @Schema(type = "string"))
            },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeviceAnswer.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Malformed body: invalid JSON, missing or malformed fingerprint or nonce (bad-request).",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "401",
            description = "Missing or unknown credential (unknown-credential).",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "415",
            description = "The body is not application/json (unsupported-media-type).",
            content = @Content(mediaType = "application/problem+json"))
    @interface SignedResponses {}
}

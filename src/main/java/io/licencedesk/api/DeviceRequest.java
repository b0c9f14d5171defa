package io.licencedesk.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of an activation or check-in; the devices module checks its fields (DeviceQuestion). */
@Schema(name = "DeviceRequest", description = "Who is asking (the device) and a fresh nonce for the answer.")
// Screens may send fields a later firmware adds; the REST API refuses unknown fields (application.properties).
@JsonIgnoreProperties(ignoreUnknown = true)
record DeviceRequest(
        @Schema(
                description = "Identifies the device (e.g. a hash of its hardware ids): 1–200 characters,"
                        + " no control characters.",
                example = "player-7f3a9c21",
                requiredMode = Schema.RequiredMode.REQUIRED,
                minLength = 1,
                maxLength = 200)
        String fingerprint,

        @Schema(
                description = "Echoed in the signed answer so that a recorded answer cannot be replayed:"
                        + " 1–200 characters, no control characters; required for check-in, optional"
                        + " for activation. Use a new random value for every request.",
                example = "c2a4e9d0b7f14e2a",
                maxLength = 200)
        String nonce) {}

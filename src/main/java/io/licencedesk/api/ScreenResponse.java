package io.licencedesk.api;

import io.licencedesk.devices.Screen;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A screen registered on a licence, and whether a device has taken its seat. */
@Schema(name = "Screen", description = "A screen registered on a licence.")
public record ScreenResponse(
        @Schema(example = "5120", requiredMode = Schema.RequiredMode.REQUIRED)
        long id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long licenceId,

        @Schema(example = "Lobby left", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @Schema(description = "A device has activated this seat.", requiredMode = Schema.RequiredMode.REQUIRED)
        boolean activated,

        Instant activatedAt,
        Instant lastCheckInAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt) {

    public static ScreenResponse of(Screen screen) {
        return new ScreenResponse(
                screen.id(),
                screen.licenceId(),
                screen.name(),
                screen.activated(),
                screen.activatedAt(),
                screen.lastCheckInAt(),
                screen.createdAt());
    }
}

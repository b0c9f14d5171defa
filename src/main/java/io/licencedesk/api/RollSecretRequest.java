package io.licencedesk.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** What POST /api/v1/webhook-endpoints/{id}/roll-secret takes, if anything. */
@Schema(name = "RollWebhookSecret")
record RollSecretRequest(
        @Schema(
                description = "true (or absent): the replaced secret signs beside the new one for 24 hours; false:"
                        + " it stops signing now.")
        Boolean keepPrevious) {}

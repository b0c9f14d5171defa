package io.licencedesk.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.validation.BindingResult;

/**
 * What PUT /api/v1/licences/{id}/auto-renew takes. A class with a setter rather than a record, because
 * {@code "autoRenew": null} (follow the plan again) must differ from a body without the field, which is refused: read
 * as null, a typo or an empty body silently handed the licence back to its plan.
 */
@Schema(
        name = "AutoRenewChoice",
        description =
                "Whether the licence renews by itself: true or false for its own choice, null to follow its plan.",
        requiredProperties = "autoRenew")
final class AutoRenewRequest {

    private Boolean autoRenew;
    private boolean sent;

    @JsonSetter("autoRenew")
    @Schema(
            description = "true or false for the licence's own choice; null follows its plan. Required: a body"
                    + " without it is refused.",
            nullable = true,
            requiredMode = Schema.RequiredMode.REQUIRED)
    void setAutoRenew(Boolean autoRenew) {
        this.autoRenew = autoRenew;
        this.sent = true;
    }

    /** Refuses a body that does not say the choice, even as null. */
    void check(BindingResult refused) {
        if (!sent) {
            FieldRefusals.refuse(
                    refused, "autoRenew", "Send autoRenew: true, false, or null to follow the licence's plan.");
        }
    }

    Boolean autoRenew() {
        return autoRenew;
    }
}

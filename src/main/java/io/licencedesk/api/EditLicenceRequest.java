package io.licencedesk.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import io.licencedesk.licence.EditedLicence;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashSet;
import java.util.Set;

/**
 * What PATCH /api/v1/licences/{id} takes: only the fields sent change. A class with setters rather than a
 * record, because "clientId": null (make the licence Available again) must differ from leaving clientId out.
 */
@Schema(
        name = "LicenceChanges",
        description = "Only the fields sent change. The rules: name and note always; quantity never below the"
                + " screens registered; plan and client only while no client has used the licence and its term is"
                + " not invoiced. \"clientId\": null makes an Assigned licence Available again, under a new coupon"
                + " code.")
final class EditLicenceRequest {

    private final Set<String> sent = new HashSet<>();
    private String name;
    private String note;
    private Integer quantity;
    private Long planId;
    private Long clientId;

    @JsonSetter("name")
    @Schema(example = "Lobby screens", minLength = 1, maxLength = 200)
    void setName(String name) {
        this.name = name;
    }

    @JsonSetter("note")
    @Schema(description = "null or \"\" removes the note.", nullable = true, maxLength = 2000)
    void setNote(String note) {
        this.note = note;
        sent.add("note");
    }

    @JsonSetter("quantity")
    @Schema(
            description = "Number of screens, from 1 to 10,000, and at least the screens registered.",
            example = "10",
            minimum = "1",
            maximum = "10000")
    void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    @JsonSetter("planId")
    @Schema(description = "Another of the organisation's plans: its term and price apply.", example = "12")
    void setPlanId(Long planId) {
        this.planId = planId;
    }

    @JsonSetter("clientId")
    @Schema(description = "Assign or move it to this client; null makes it Available again.", nullable = true)
    void setClientId(Long clientId) {
        this.clientId = clientId;
        sent.add("clientId");
    }

    /**
     * The licence as it should become: the fields sent, over its current values. As in every PATCH of this API,
     * a field sent as null is left as it is, except the two whose null means none: the note and the client.
     */
    EditedLicence over(EditedLicence current) {
        EditedLicence edited = current;
        if (name != null) {
            edited = edited.withName(name);
        }
        if (sent.contains("note")) {
            edited = edited.withNote(note);
        }
        if (quantity != null) {
            edited = edited.withQuantity(quantity);
        }
        if (planId != null) {
            edited = edited.withPlanId(planId);
        }
        if (sent.contains("clientId")) {
            edited = edited.withClientId(clientId);
        }
        return edited;
    }
}

package io.licencedesk.api;

import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.ClientAccess;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** A client: a person or company that holds licences and signs in to the portal. */
@Schema(name = "Client", description = "A client of the organisation.")
public record ClientResponse(
        @Schema(example = "301", requiredMode = Schema.RequiredMode.REQUIRED)
        long id,

        @Schema(example = "Alice Martin", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @Schema(example = "alice@example.com", requiredMode = Schema.RequiredMode.REQUIRED)
        String email,

        @Schema(example = "Cinema Lumière") String company,
        @Schema(example = "1 Rue de la Paix, 75002 Paris") String billingAddress,
        @Schema(example = "FR40303265045") String vatNumber,

        @Schema(
                description = "Whether they can sign in to the portal, as the console's client page shows it:"
                        + " not_invited, invited (a link that can still be used), invitation_expired, active (has a"
                        + " password) or disabled (staff stopped their access, whatever else is true).",
                allowableValues = {"not_invited", "invited", "invitation_expired", "active", "disabled"},
                example = "active",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String portalAccess) {

    public static ClientResponse of(Client client, ClientAccess access) {
        return new ClientResponse(
                client.id(),
                client.name(),
                client.email(),
                client.company(),
                client.billingAddress(),
                client.vatNumber(),
                access.name().toLowerCase(Locale.ROOT));
    }
}

package io.licencedesk.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code Location} header in the OpenAPI document, on the answers that carry one (ApiLocations, decision 0135):
 * the 201 of what is created and the 202s of a licence import. docs/api.md promised it, the answers sent it, and the
 * served document named only their ETag, so a generated client or a check of the answers against the document did not
 * know where the new object was.
 */
@Configuration(proxyBeanMethods = false)
class LocationsDocumentation {

    /** The operations whose success names the object's address. */
    private static final Set<String> LOCATED = Set.of(
            "createLicence",
            "createClient",
            "createPlan",
            "redeemCoupon",
            "registerScreen",
            "startLicenceImport",
            "confirmLicenceImport",
            "createWebhookEndpoint");

    @Bean
    OpenApiCustomizer locations() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(this::document));
        };
    }

    private void document(Operation operation) {
        if (!LOCATED.contains(operation.getOperationId()) || operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.equals("201") || status.equals("202")) {
                response.addHeaderObject(
                        "Location",
                        new Header()
                                .description("The object's absolute address on the server the request was sent to,"
                                        + " to follow as it is.")
                                .schema(new StringSchema()
                                        .format("uri")
                                        .example("https://licencedesk.example/api/v1/licences/4711")));
            }
        });
    }
}

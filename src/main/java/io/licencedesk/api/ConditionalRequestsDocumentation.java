package io.licencedesk.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The conditional requests in the OpenAPI document (decisions 0130, 0135 and 0140): the ETag header on the answers that carry one, the
 * 304 of the reads that take If-None-Match and the 412 of the changes that take If-Match, so that a generated client
 * or a check of the answers against the document meets them as answers the document has.
 */
@Configuration(proxyBeanMethods = false)
class ConditionalRequestsDocumentation {

    /** The operations whose success answers the object with its ETag. */
    private static final Set<String> TAGGED = Set.of(
            "getLicence",
            "createLicence",
            "updateLicence",
            "pauseLicence",
            "resumeLicence",
            "setLicenceAutoRenew",
            "getClient",
            "createClient",
            "updateClient",
            "getPlan",
            "createPlan",
            "updatePlan",
            "getInvoice",
            "markInvoicePaid",
            "removeInvoicePayment",
            "voidInvoice",
            "resendInvoice",
            "getMyLicence",
            "redeemCoupon",
            "activateMyLicence",
            "getLicenceImport",
            "startLicenceImport",
            "confirmLicenceImport",
            "getWebhookEndpoint",
            "createWebhookEndpoint",
            "updateWebhookEndpoint",
            "rollWebhookEndpointSecret");

    private static final Set<String> READS = Set.of(
            "getLicence",
            "getClient",
            "getPlan",
            "getInvoice",
            "getMyLicence",
            "getLicenceImport",
            "getWebhookEndpoint");

    private static final Set<String> CHANGES = Set.of(
            "updateLicence",
            "deleteLicence",
            "updateClient",
            "updatePlan",
            "markInvoicePaid",
            "removeInvoicePayment",
            "voidInvoice",
            "resendInvoice",
            "activateMyLicence",
            "confirmLicenceImport",
            "updateWebhookEndpoint",
            "deleteWebhookEndpoint");

    @Bean
    OpenApiCustomizer conditionalRequests() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(this::document));
        };
    }

    private void document(Operation operation) {
        String id = operation.getOperationId();
        if (id == null || operation.getResponses() == null) {
            return;
        }
        if (TAGGED.contains(id)) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(
                            "ETag",
                            new Header()
                                    .description("The object's strong entity tag, quotes included: send it in"
                                            + " If-Match to change it only as read, or in If-None-Match to read it"
                                            + " only once changed.")
                                    .schema(new StringSchema().example("\"Xq3vJcM0n1p9c2Zw8dKf7a\"")));
                }
            });
        }
        if (READS.contains(id)) {
            operation
                    .getResponses()
                    .addApiResponse(
                            "304",
                            new ApiResponse()
                                    .description("Not Modified: the object still has the ETag sent in If-None-Match."
                                            + " No body."));
        }
        if (CHANGES.contains(id)) {
            operation
                    .getResponses()
                    .addApiResponse(
                            "412",
                            new ApiResponse()
                                    .description("precondition-failed: the object changed since the ETag sent in"
                                            + " If-Match was read. Nothing was changed: read it again.")
                                    .content(new Content()
                                            .addMediaType(
                                                    "application/problem+json",
                                                    new MediaType()
                                                            .schema(new JsonSchema()
                                                                    .$ref("#/components/schemas/"
                                                                            + ProblemDocumentation.PROBLEM)))));
        }
    }
}

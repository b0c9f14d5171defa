package io.licencedesk.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The problems of the API in the OpenAPI document: a {@code Problem} schema (RFC 9457, with the {@code errors} this
 * API adds) and, on every operation, a default answer of that schema. Without them the document described only
 * each operation's success, so that a client generated from it, or a check of the answers against it, met every
 * 400, 404, 409 or 422 as an answer the document does not have. The statuses and types each operation may answer
 * are in the introduction (RestApiDocumentation) and the operations' own descriptions.
 */
@Configuration(proxyBeanMethods = false)
class ProblemDocumentation {

    static final String PROBLEM = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenApiCustomizer problems() {
        return openApi -> {
            if (openApi.getPaths() == null || openApi.getComponents() == null) {
                return;
            }
            openApi.getComponents().addSchemas(PROBLEM, problem());
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(ProblemDocumentation::document));
        };
    }

    private static void document(Operation operation) {
        operation.getResponses().values().forEach(ProblemDocumentation::withTheProblemSchema);
        if (!operation.getResponses().containsKey("default")) {
            operation
                    .getResponses()
                    .addApiResponse(
                            "default",
                            new ApiResponse()
                                    .description("Refused: a problem (RFC 9457) whose `type` says why (4xx), or 503"
                                            + " when the database cannot answer.")
                                    .content(problemContent()));
        }
    }

    /** A problem answer an operation declares itself (the device API's) gets the schema beside its media type. */
    private static void withTheProblemSchema(ApiResponse response) {
        if (response.getContent() != null && response.getContent().containsKey(PROBLEM_JSON)) {
            MediaType problem = response.getContent().get(PROBLEM_JSON);
            if (problem.getSchema() == null) {
                problem.setSchema(reference());
            }
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(reference()));
    }

    @SuppressWarnings("rawtypes")
    private static Schema reference() {
        return new JsonSchema().$ref("#/components/schemas/" + PROBLEM);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problem() {
        Schema fieldAtFault = new JsonSchema()
                .types(Set.of("object"))
                .addProperty("field", text("The field or query parameter at fault."))
                .addProperty("detail", text("Why, for a person."))
                .required(List.of("field", "detail"));
        return new JsonSchema()
                .types(Set.of("object"))
                .description("An error (RFC 9457). Decide on `type`; `title` and `detail` are English, for a person.")
                .addProperty(
                        "type",
                        text("Stable: https://licencedesk.io/problems/ and a code (not-found, validation, …).")
                                .format("uri")
                                .example("https://licencedesk.io/problems/conflict"))
                .addProperty("title", text("A short summary of the type.").example("Refused by the object's state"))
                .addProperty(
                        "status",
                        new JsonSchema()
                                .types(Set.of("integer"))
                                .format("int32")
                                .description("The HTTP status.")
                                .example(409))
                .addProperty(
                        "detail",
                        text("What was refused and why, for a person.")
                                .example("A licence that is paused cannot be paused."))
                .addProperty(
                        "instance",
                        text("The path the request was sent to, without its query.")
                                .example("/api/v1/licences/4711/pause"))
                .addProperty(
                        "errors",
                        new JsonSchema()
                                .types(Set.of("array"))
                                .description("The fields or parameters at fault, each with its reason; absent when"
                                        + " none is named.")
                                .items(fieldAtFault))
                .required(List.of("type", "title", "status", "detail"));
    }

    @SuppressWarnings("rawtypes")
    private static Schema text(String description) {
        return new JsonSchema().types(Set.of("string")).description(description);
    }
}

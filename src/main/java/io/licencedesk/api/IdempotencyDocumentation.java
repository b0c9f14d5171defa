package io.licencedesk.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Idempotency-Key header on every POST of the REST API in the OpenAPI document, where IdempotencyFilter takes it. */
@Configuration(proxyBeanMethods = false)
class IdempotencyDocumentation {

    @Bean
    OpenApiCustomizer idempotencyKeyHeader() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/v1/") && !path.startsWith("/api/v1/device/") && item.getPost() != null) {
                    document(item.getPost());
                }
            });
        };
    }

    private static void document(Operation post) {
        if (post.getParameters() != null
                && post.getParameters().stream().anyMatch(p -> IdempotencyFilter.HEADER.equals(p.getName()))) {
            return;
        }
        post.addParametersItem(new HeaderParameter()
                .name(IdempotencyFilter.HEADER)
                .required(false)
                .description("A key of your choice (a random UUID) that makes a retry safe: the same request with the"
                        + " same key within 24 hours gets the first answer again, with `Idempotent-Replayed: true`,"
                        + " and does nothing twice. The key with another request is a 422"
                        + " (idempotency-key-reused), and while the first still runs a 409"
                        + " (idempotency-key-in-progress, Retry-After: 1). Keys belong to the token.")
                .schema(new StringSchema().minLength(1).maxLength(IdempotencyFilter.MAX_KEY_LENGTH))
                .example("6f1c2a7e-3b8d-4e0a-9c51-2d7f4b9e8a13"));
    }
}

package io.licencedesk.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The operation names of {@link LicenceApiController} in the OpenAPI document (the generated client's method
 * names, decision 0044) and its create's 201, until the controller's own annotations say so: an operation whose
 * {@code @Operation} names itself keeps its name, and a create with its own {@code @ApiResponse} keeps it. Once
 * the controller carries them, this class goes.
 */
@Configuration(proxyBeanMethods = false)
class LicenceApiDocumentation {

    static final Map<String, String> OPERATION_IDS = Map.of(
            "list", "listLicences",
            "create", "createLicence",
            "licence", "getLicence",
            "update", "updateLicence",
            "pause", "pauseLicence",
            "resume", "resumeLicence",
            "delete", "deleteLicence",
            "history", "getLicenceHistory");

    @Bean
    OperationCustomizer licenceOperationNames() {
        return (operation, handler) -> {
            if (ClassUtils.getUserClass(handler.getBeanType()) != LicenceApiController.class) {
                return operation;
            }
            String method = handler.getMethod().getName();
            Operation annotation = handler.getMethodAnnotation(Operation.class);
            if (OPERATION_IDS.containsKey(method)
                    && (annotation == null || annotation.operationId().isEmpty())) {
                operation.setOperationId(OPERATION_IDS.get(method));
            }
            ApiResponses responses = operation.getResponses();
            if ("create".equals(method)
                    && !handler.hasMethodAnnotation(io.swagger.v3.oas.annotations.responses.ApiResponse.class)
                    && responses != null
                    && responses.containsKey("200")) {
                ApiResponse created = responses.remove("200").description("Created.");
                responses.addApiResponse("201", created);
            }
            return operation;
        };
    }
}

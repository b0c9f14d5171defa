package io.licencedesk.api;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The device credential's security scheme in the OpenAPI document (its introduction: RestApiDocumentation). */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(
        name = DeviceApiDocumentation.CREDENTIAL,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "lds_ device credential",
        description = "The device credential shown once when the screen was registered in the client portal.")
class DeviceApiDocumentation {

    static final String CREDENTIAL = "deviceCredential";
}

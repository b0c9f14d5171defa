package io.licencedesk.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the device credential's security scheme (served at /v3/api-docs). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "LicenceDesk API",
                        version = "v1",
                        description = "The REST API (everything the console and the portal do, with an API token;"
                                + " guide: docs/api.md) and the device API through which screens take a seat and"
                                + " check their licence (guide: docs/device-api.md). Errors are RFC 9457 problem"
                                + " details with a stable type."))
@SecurityScheme(
        name = DeviceApiDocumentation.CREDENTIAL,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "lds_ device credential",
        in = SecuritySchemeIn.HEADER,
        description = "The device credential shown once when the screen was registered in the client portal.")
class DeviceApiDocumentation {

    static final String CREDENTIAL = "deviceCredential";
}

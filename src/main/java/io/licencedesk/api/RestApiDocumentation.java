package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's security scheme in the OpenAPI document: an API token as a bearer token. The {@link Caller} a
 * handler takes is the token's person (resolved by the web module), not a request parameter.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(
        name = RestApiDocumentation.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "ldk_live_ API token",
        in = SecuritySchemeIn.HEADER,
        description = "An API token made in the console (Settings → API tokens) or the portal (Profile → API"
                + " tokens). It acts with its person's role, organisation and client; a read-only token is"
                + " refused writes (403).")
class RestApiDocumentation {

    static final String BEARER = "apiToken";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}

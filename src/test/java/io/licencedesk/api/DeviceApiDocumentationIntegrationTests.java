package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document describes the device API, and it and Swagger UI are public. */
@IntegrationTest
class DeviceApiDocumentationIntegrationTests {

    @Autowired
    MockMvc mvc;

    JsonNode document() throws Exception {
        var response = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.getContentAsString());
    }

    @Test
    void documentsTheDeviceOperationsWithTheirSchemasProblemsAndCredential() throws Exception {
        JsonNode paths = document().get("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/device/activate",
                        "/api/v1/device/check-in",
                        "/api/v1/device/key",
                        "/api/v1/device/keys/{keyId}",
                        "/api/v1/device/time");
        assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/"));
        JsonNode checkIn = paths.get("/api/v1/device/check-in").get("post");
        assertThat(checkIn.get("responses").propertyNames()).contains("200", "400", "401", "415");
        JsonNode ok = checkIn.get("responses").get("200");
        assertThat(ok.get("headers").propertyNames()).contains("Device-Signature", "Device-Signature-Key-Id");
        assertThat(ok.get("content")
                        .get("application/json")
                        .get("schema")
                        .get("$ref")
                        .asString())
                .endsWith("/DeviceAnswer");
        assertThat(checkIn.get("requestBody")
                        .get("content")
                        .get("application/json")
                        .get("schema")
                        .get("$ref")
                        .asString())
                .endsWith("/DeviceRequest");
        assertThat(checkIn.get("security").get(0).has("deviceCredential")).isTrue();
        JsonNode activate = paths.get("/api/v1/device/activate").get("post");
        assertThat(activate.get("responses").propertyNames()).contains("200", "400", "401", "403", "409", "415");
        assertThat(activate.get("responses").get("409").get("content").has("application/problem+json"))
                .isTrue();

        JsonNode components = document().get("components");
        assertThat(components
                        .get("securitySchemes")
                        .get("deviceCredential")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(components
                        .get("schemas")
                        .get("DeviceAnswer")
                        .get("properties")
                        .propertyNames())
                .containsAll(
                        List.of("valid", "reason", "licence", "endsOn", "serverTime", "nonce", "fingerprint", "keyId"));
        assertThat(components
                        .get("schemas")
                        .get("DeviceRequest")
                        .get("required")
                        .toString())
                .contains("fingerprint");
    }

    @Test
    void servesSwaggerUiWithoutSignIn() throws Exception {
        assertThat(mvc.perform(get("/swagger-ui/index.html"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}

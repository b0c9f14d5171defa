package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's token past the portal's coupon code limits: a 429 {@code rate-limited} whose detail says the wait in
 * words a developer reads ("try again in 15 minutes"), not "Try again in 846 s", while {@code Retry-After} stays in
 * seconds for programs.
 */
@IntegrationTest
class PortalRedemptionLimitsApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    AttemptLimits attempts;

    TestOrganisation org;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
    }

    @Test
    void saysAWaitOfAMinuteOrMoreInMinutesAndKeepsRetryAfterInSeconds() throws Exception {
        attempts.take(
                new AttemptLimits.Limit("redeem-client", 1, Duration.ofMinutes(15)),
                Long.toString(org.alice().userId()));

        MockHttpServletResponse response = redeem(fixture.token(org.alice()), "WRONG123");

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(841L, 900L);
        JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("type").asString()).isEqualTo("https://licencedesk.io/problems/rate-limited");
        assertThat(problem.get("detail").asString()).isEqualTo("Too many coupon codes tried; try again in 15 minutes.");
    }

    @Test
    void saysAWaitUnderAMinuteInSeconds() throws Exception {
        String token = fixture.token(org.bob());
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(redeem(token, "WRONG" + attempt).getStatus()).isEqualTo(422);
        }

        MockHttpServletResponse response = redeem(token, "WRONG11");

        assertThat(response.getStatus()).isEqualTo(429);
        long seconds = Long.parseLong(response.getHeader("Retry-After"));
        assertThat(seconds).isBetween(1L, 59L);
        assertThat(JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8))
                        .get("detail")
                        .asString())
                .isEqualTo("Too many coupon codes tried; try again in " + seconds
                        + (seconds == 1 ? " second." : " seconds."));
    }

    private MockHttpServletResponse redeem(String token, String code) throws Exception {
        return mvc.perform(post("/api/v1/portal/redemptions")
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\"}"))
                .andReturn()
                .getResponse();
    }
}

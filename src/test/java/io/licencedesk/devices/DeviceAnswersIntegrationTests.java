package io.licencedesk.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The signed answers a device gets, as docs/device-api.md writes them. */
@IntegrationTest
class DeviceAnswersIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    DeviceAnswers answers;

    /**
     * {@code serverTime} always has its milliseconds, as the guide shows it ("2026-11-29T18:45:12.345Z"): at a whole
     * second it was written without them ("…T18:45:12Z"), once in a thousand answers, and a player reading the
     * documented form refused that answer.
     */
    @Test
    void writesTheServerTimeWithItsMillisecondsEvenAtAWholeSecond() {
        long organisation = fixture.organisation().id();
        var view = new DeviceView(
                organisation,
                1L,
                "K7Q2M9XA",
                2L,
                false,
                false,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                3L,
                "Entrance",
                false,
                false);
        Map<String, String> written = new LinkedHashMap<>();
        for (String now :
                new String[] {"2026-11-29T18:45:12Z", "2026-11-29T18:45:12.300Z", "2026-11-29T18:45:12.345678Z"}) {
            SignedAnswer answer = answers.answer(view, new DeviceQuestion("device-a", "nonce"), Instant.parse(now));
            written.put(now, JSON.readTree(answer.body()).get("serverTime").asString());
        }
        assertThat(written)
                .containsExactly(
                        Map.entry("2026-11-29T18:45:12Z", "2026-11-29T18:45:12.000Z"),
                        Map.entry("2026-11-29T18:45:12.300Z", "2026-11-29T18:45:12.300Z"),
                        Map.entry("2026-11-29T18:45:12.345678Z", "2026-11-29T18:45:12.345Z"));
    }
}

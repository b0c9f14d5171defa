package io.licencedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** An event's envelope as a receiver reads it. */
class EventsTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Events events = new Events(json);

    @Test
    void writesTheEventTimeToTheMicrosecondAsTheApiWritesItsTimes() {
        Event event = events.of(
                EventType.LICENCE_PAUSED, Instant.parse("2026-12-03T22:32:07.123456789Z"), Map.of("id", 4711));

        assertThat(json.readTree(event.json()).get("createdAt").asString()).isEqualTo("2026-12-03T22:32:07.123456Z");
    }

    @Test
    void keepsATimeThatHasNoFinerPartAsItIs() {
        Event event =
                events.of(EventType.LICENCE_PAUSED, Instant.parse("2026-12-03T22:32:07.120Z"), Map.of("id", 4711));

        assertThat(json.readTree(event.json()).get("createdAt").asString()).isEqualTo("2026-12-03T22:32:07.120Z");
    }

    /** The audit log words an endpoint's recorded events by this rule (web.RecordedValues), old entries too. */
    @Test
    void eachTypesNameIsItsWireNameInCapitalsWithAnUnderscoreForTheDot() {
        for (EventType type : EventType.values()) {
            assertThat(type.name().toLowerCase(java.util.Locale.ROOT).replaceFirst("_", "."))
                    .isEqualTo(type.wireName());
        }
    }
}

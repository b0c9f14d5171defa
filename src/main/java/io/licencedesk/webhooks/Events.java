package io.licencedesk.webhooks;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events as receivers get them: {@code {"id":"evt_…","type":"licence.paused","createdAt":"…",
 * "data":{"object":{…}}}}, the object being the REST API's resource, written by the same JSON mapper. The event's
 * time is written to the microsecond, as the API's own times are (the database keeps no finer): a receiver that
 * compares {@code createdAt} with a licence's history or {@code createdAt} compares like with like.
 */
@Component
class Events {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JsonMapper json;

    Events(JsonMapper json) {
        this.json = json;
    }

    Event of(EventType type, Instant createdAt, Object object) {
        String id = newId();
        Instant time = createdAt.truncatedTo(ChronoUnit.MICROS);
        return new Event(id, type, json.writeValueAsString(new Envelope(id, type.wireName(), time, new Data(object))));
    }

    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "evt_" + HexFormat.of().formatHex(bytes);
    }

    record Envelope(String id, String type, Instant createdAt, Data data) {}

    record Data(Object object) {}
}

package io.licencedesk.webhooks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events as receivers get them: {@code {"id":"evt_…","type":"licence.paused","createdAt":"…",
 * "data":{"object":{…}}}}, the object being the REST API's resource, written by the same JSON mapper.
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
        return new Event(
                id, type, json.writeValueAsString(new Envelope(id, type.wireName(), createdAt, new Data(object))));
    }

    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "evt_" + HexFormat.of().formatHex(bytes);
    }

    record Envelope(String id, String type, Instant createdAt, Data data) {}

    record Data(Object object) {}
}

package io.licencedesk.webhooks;

/** One event as it is sent: its id (the same for every endpoint and every retry), its type and its JSON body. */
record Event(String id, EventType type, String json) {}

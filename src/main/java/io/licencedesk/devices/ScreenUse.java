package io.licencedesk.devices;

import java.time.Duration;

/**
 * The screens on an organisation's active licences (the staff dashboard, decision 0050): those registered (not
 * removed), and of those the ones seen by a check-in within {@code seenWithin}.
 */
public record ScreenUse(long registered, long seen, Duration seenWithin) {}

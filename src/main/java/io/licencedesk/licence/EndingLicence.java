package io.licencedesk.licence;

import java.time.LocalDate;

/**
 * An active licence whose term ends soon, and whether it renews by itself: its own auto-renew setting, else its
 * plan's, and only while it has a client and is not paused (decision 0050).
 */
public record EndingLicence(
        long id, String couponCode, String name, Long clientId, String clientName, LocalDate endsOn, boolean renews) {}

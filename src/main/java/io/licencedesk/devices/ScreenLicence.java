package io.licencedesk.devices;

import io.licencedesk.licence.SeatLicence;

/** The licence a screen is on, as a screen event names it: its id, name and coupon code at the change. */
public record ScreenLicence(long id, String name, String couponCode) {

    static ScreenLicence of(SeatLicence licence) {
        return new ScreenLicence(
                licence.id(), licence.name(), licence.couponCode().toString());
    }
}

package io.licencedesk.devices;

import io.licencedesk.licence.RegisteredScreens;
import org.springframework.stereotype.Component;

/** Tells the licence module how many screens a licence has, so its quantity never drops below them. */
@Component
class ScreensOnLicences implements RegisteredScreens {

    private final ScreenRepository screens;

    ScreensOnLicences(ScreenRepository screens) {
        this.screens = screens;
    }

    @Override
    public int on(long licenceId) {
        return screens.countLive(licenceId);
    }
}

package io.licencedesk.devices;

import io.licencedesk.licence.DemoLicencesCreated;
import java.util.Random;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Registers screens on two thirds of the demo licences in use, through the façade the portal uses, and lets four in
 * five of them activate as a player does, so that the portal's screen lists and the dashboard's screen figures show
 * what a running organisation looks like. The rest wait for their device.
 */
@Component
class DevicesDemoData {

    private static final String[] NAMES = {
        "Entrance", "Counter", "Window", "Back wall", "Upstairs", "Menu left", "Menu right", "Corridor",
    };

    private final ScreenManagement screens;
    private final DeviceLicensing devices;

    DevicesDemoData(ScreenManagement screens, DeviceLicensing devices) {
        this.screens = screens;
        this.devices = devices;
    }

    /**
     * After the demo's own transaction: a player's first activation creates the organisation's signing key in a
     * transaction of its own, which must see the organisation committed.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(DemoLicencesCreated demo) {
        var layout = new Random(7);
        for (DemoLicencesCreated.InUse licence : demo.inUse()) {
            if (layout.nextInt(3) == 0) {
                continue;
            }
            int count = Math.min(licence.quantity(), 1 + layout.nextInt(4));
            int first = layout.nextInt(NAMES.length);
            for (int n = 0; n < count; n++) {
                RegisteredScreen registered =
                        screens.register(licence.client(), licence.licenceId(), NAMES[(first + n) % NAMES.length]);
                if (layout.nextInt(5) != 0) {
                    devices.activate(
                            registered.credential(),
                            "demo-player-" + registered.screen().id(),
                            null);
                }
            }
        }
    }
}

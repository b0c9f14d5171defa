/**
 * Screens, the seats of a licence: registered by clients in the portal, each with a device credential
 * shown once; a device takes a seat and checks its licence with that credential, and gets answers signed by
 * the organisation's Ed25519 key so that a player can trust them offline. Channels reach it through
 * {@link io.licencedesk.devices.ScreenManagement} (the portal) and {@link io.licencedesk.devices.DeviceLicensing}
 * (the device API); it says why a device is refused, never with which HTTP status.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Devices",
        allowedDependencies = {"accounts", "licence", "shared"})
package io.licencedesk.devices;

/**
 * Screens, the seats of a licence: registered by clients in the portal, each with a device credential
 * shown once; and the device API through which a screen takes a seat and checks its licence, with answers
 * signed by the organisation's Ed25519 key so that a player can trust them offline.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Devices",
        allowedDependencies = {"accounts", "licence", "shared"})
package io.licencedesk.devices;

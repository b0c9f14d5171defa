package io.licencedesk.devices;

/**
 * An answer to a device: the exact bytes to send (a {@link DeviceAnswer} as JSON), their Ed25519 signature
 * (base64) and the id of the key that made it.
 */
public record SignedAnswer(byte[] body, String signature, String keyId) {}

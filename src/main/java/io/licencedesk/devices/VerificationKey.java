package io.licencedesk.devices;

/** The public half of an organisation's signing key, with which a device verifies its answers offline. */
public record VerificationKey(String keyId, String publicKey) {

    /** The signature algorithm of every key. */
    public static final String ALGORITHM = "Ed25519";
}

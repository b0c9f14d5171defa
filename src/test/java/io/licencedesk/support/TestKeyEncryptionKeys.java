package io.licencedesk.support;

/**
 * Key-encryption keys of the device signing keys for tests (decision 0061). {@link #CURRENT} is the test profile's
 * (application-test.properties); applications that tests start on PostgreSQL without that profile are given it too,
 * as production nodes must be given one.
 */
public final class TestKeyEncryptionKeys {

    public static final String CURRENT = "Zso9xaRS/kbperIUGrJ808a4cLIhF55K0qdzRNAbxko=";
    public static final String OTHER = "q0B8B1fd8ZyVpsaS6kGBc0Q0Cw3ie0qNfLVmQB0Tv0Q=";

    /** The command-line argument that gives an application {@link #CURRENT}. */
    public static final String ARGUMENT = "--licencedesk.key-encryption-key=" + CURRENT;

    private TestKeyEncryptionKeys() {}
}

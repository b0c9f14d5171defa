package io.licencedesk.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.shared.EncryptionAtRest;
import io.licencedesk.support.ApplicationNode;
import io.licencedesk.support.PostgresTestConfiguration;
import io.licencedesk.support.TestKeyEncryptionKeys;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.Webhooks;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nodes started on PostgreSQL, stopped and started again with other key-encryption keys on the same database, as an
 * operator upgrading or rotating would (decision 0061).
 */
class SigningKeyEncryptionPostgresTests {

    private static final String CURRENT = "--licencedesk.key-encryption-key=" + TestKeyEncryptionKeys.CURRENT;
    private static final String OTHER = "--licencedesk.key-encryption-key=" + TestKeyEncryptionKeys.OTHER;
    private static final String PREVIOUS_CURRENT =
            "--licencedesk.previous-key-encryption-key=" + TestKeyEncryptionKeys.CURRENT;

    @Test
    void refusesToStartOnPostgresqlWithoutAKeyOrWithThePublishedDemoKey() throws Exception {
        String database = PostgresTestConfiguration.newDatabase();

        assertThat(whyItDoesNotStart(database, "--licencedesk.key-encryption-key="))
                .hasMessageStartingWith("LICENCEDESK_KEY_ENCRYPTION_KEY is not set");
        assertThat(whyItDoesNotStart(database, "--licencedesk.key-encryption-key=" + KeyEncryption.DEMO_KEY))
                .hasMessageContaining("is the published demo key");
    }

    @Test
    void encryptsAKeyStoredUnencryptedAtStartAndStillSignsWithIt() throws Exception {
        String database = PostgresTestConfiguration.newDatabase();
        long organisationId;
        KeyPair unencrypted = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String plainPrivateKey =
                Base64.getEncoder().encodeToString(unencrypted.getPrivate().getEncoded());
        try (var before = ApplicationNode.start(database, List.of(), CURRENT)) {
            organisationId = before.getBean(TestOrganisations.class).create().id();
            // As decision 0018 stored it, before encryption.
            before.getBean(JdbcClient.class)
                    .sql("""
                            insert into device_signing_key (organisation_id, key_id, public_key, private_key, created_at)
                            values (:organisationId, 'unencrypted-key', :publicKey, :privateKey, :createdAt)
                            """)
                    .param("organisationId", organisationId)
                    .param(
                            "publicKey",
                            Base64.getEncoder()
                                    .encodeToString(unencrypted.getPublic().getEncoded()))
                    .param("privateKey", plainPrivateKey)
                    .param(
                            "createdAt",
                            Timestamp.from(before.getBean(Clock.class).instant()))
                    .update();
        }

        try (var after = ApplicationNode.start(database, List.of(), CURRENT)) {
            String stored = storedPrivateKey(after, organisationId);
            assertThat(stored).startsWith("aes-gcm:").doesNotContain(plainPrivateKey);
            assertThat(after.getBean(KeyEncryption.class).sealedWithCurrentKey(stored))
                    .isTrue();
            assertSignsVerifiably(after, organisationId, "unencrypted-key");
        }
    }

    @Test
    void aWrongKeyStopsTheStartAndAPreviousKeyRotatesToTheNewOne() throws Exception {
        String database = PostgresTestConfiguration.newDatabase();
        long organisationId;
        String keyId;
        String webhookSecret;
        try (var first = ApplicationNode.start(database, List.of(), CURRENT)) {
            var organisation = first.getBean(TestOrganisations.class).create();
            organisationId = organisation.id();
            keyId = first.getBean(DeviceSigningKeys.class)
                    .forOrganisation(organisationId)
                    .keyId();
            assertThat(storedPrivateKey(first, organisationId)).startsWith("aes-gcm:");
            // The webhook signing secrets are encrypted with the same key (decision 0167), and rotate with it.
            webhookSecret = first.getBean(Webhooks.class)
                    .register(organisation.owner(), new NewEndpoint("https://203.0.113.10/hooks", null, true, Set.of()))
                    .signingSecret();
            assertThat(storedWebhookSecret(first, organisationId))
                    .startsWith("aes-gcm:")
                    .doesNotContain(webhookSecret);
        }

        assertThat(whyItDoesNotStart(database, OTHER))
                .hasMessageContaining("device signing key " + keyId)
                .hasMessageContaining("LICENCEDESK_PREVIOUS_KEY_ENCRYPTION_KEY is not set");

        try (var rotating = ApplicationNode.start(database, List.of(), OTHER, PREVIOUS_CURRENT)) {
            assertThat(rotating.getBean(KeyEncryption.class)
                            .sealedWithCurrentKey(storedPrivateKey(rotating, organisationId)))
                    .as("re-encrypted with the new key at start")
                    .isTrue();
            assertThat(rotating.getBean(EncryptionAtRest.class)
                            .sealedWithCurrentKey(storedWebhookSecret(rotating, organisationId)))
                    .as("the webhook signing secret too")
                    .isTrue();
            assertSignsVerifiably(rotating, organisationId, keyId);
        }
        try (var rotated = ApplicationNode.start(database, List.of(), OTHER)) {
            assertSignsVerifiably(rotated, organisationId, keyId);
        }
        assertThat(whyItDoesNotStart(database, CURRENT))
                .as("the old key no longer opens it")
                .hasMessageContaining("device signing key " + keyId);
    }

    /** A webhook signing secret that the key does not open stops the start too, naming it (decision 0167). */
    @Test
    void aWrongKeyStopsTheStartNamingAWebhookSigningSecret() throws Exception {
        String database = PostgresTestConfiguration.newDatabase();
        long organisationId;
        long endpointId;
        try (var first = ApplicationNode.start(database, List.of(), CURRENT)) {
            var organisation = first.getBean(TestOrganisations.class).create();
            organisationId = organisation.id();
            endpointId = first.getBean(Webhooks.class)
                    .register(organisation.owner(), new NewEndpoint("https://203.0.113.10/hooks", null, true, Set.of()))
                    .endpoint()
                    .id();
        }

        assertThat(whyItDoesNotStart(database, OTHER))
                .hasMessageContaining(
                        "signing secret of webhook endpoint " + endpointId + " (organisation " + organisationId + ")")
                .hasMessageContaining("LICENCEDESK_PREVIOUS_KEY_ENCRYPTION_KEY is not set");
    }

    /** The root cause of a node's failure to start with these settings. */
    private static Throwable whyItDoesNotStart(String database, String... settings) {
        Throwable failure = catchThrowable(
                () -> ApplicationNode.start(database, List.of(), settings).close());
        assertThat(failure).as("the node's start fails").isNotNull();
        return NestedExceptionUtils.getMostSpecificCause(failure);
    }

    private static String storedWebhookSecret(ConfigurableApplicationContext node, long organisationId) {
        return node.getBean(JdbcClient.class)
                .sql("select signing_secret from webhook_endpoint where organisation_id = :organisationId")
                .param("organisationId", organisationId)
                .query(String.class)
                .single();
    }

    private static String storedPrivateKey(ConfigurableApplicationContext node, long organisationId) {
        return node.getBean(JdbcClient.class)
                .sql("select private_key from device_signing_key where organisation_id = :organisationId")
                .param("organisationId", organisationId)
                .query(String.class)
                .single();
    }

    /** The node signs with the organisation's key, and the signature verifies with the key it publishes. */
    private static void assertSignsVerifiably(ConfigurableApplicationContext node, long organisationId, String keyId)
            throws Exception {
        var keys = node.getBean(DeviceSigningKeys.class);
        var key = keys.forOrganisation(organisationId);
        assertThat(key.keyId()).isEqualTo(keyId);
        byte[] body = "{\"status\":\"ACTIVE\"}".getBytes(StandardCharsets.UTF_8);
        String signature = AnswerSigner.sign(key.privateKey(), body);

        var verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(
                        Base64.getDecoder().decode(keys.publicKey(keyId).orElseThrow()))));
        verifier.update(body);
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isTrue();
    }
}

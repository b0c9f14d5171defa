package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.TestFixture;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java example of docs/device-api.md, compiled from the document itself and run against a real server:
 * it must verify a genuine answer and refuse a modified one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeviceApiGuideTests {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @LocalServerPort
    int port;

    @Autowired
    TestFixture fixture;

    @Autowired
    ScreenManagement screens;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestOrganisations organisations;

    @TempDir
    Path classes;

    @Test
    void theGuidesExampleVerifiesARealAnswerAndRefusesAModifiedOne() throws Exception {
        Class<?> example = compileExample();
        TestOrganisation org = organisations.create();
        Plan plan = fixture.monthlyPlan(org);
        long licenceId = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Lobby", null, 1, org.alice().userId()))
                .id();
        String credential = screens.register(org.alice(), licenceId, "Entrance").credential();
        String server = "http://localhost:" + port;
        var http = HttpClient.newHttpClient();
        String activation = http.send(
                        HttpRequest.newBuilder(URI.create(server + "/api/v1/device/activate"))
                                .header("Authorization", "Bearer " + credential)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"fingerprint\":\"player-1\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String keyId =
                JsonMapper.builder().build().readTree(activation).get("keyId").asString();
        String keyJson = http.send(
                        HttpRequest.newBuilder(URI.create(server + "/api/v1/device/keys/" + keyId))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String publicKeyText =
                JsonMapper.builder().build().readTree(keyJson).get("publicKey").asString();

        PublicKey key = (PublicKey) call(example, "publicKey", publicKeyText);
        String answer = (String) call(example, "checkIn", server, credential, "player-1", key);

        assertThat(answer).contains("\"valid\":true").contains("\"fingerprint\":\"player-1\"");
        HttpResponse<byte[]> raw = http.send(
                HttpRequest.newBuilder(URI.create(server + "/api/v1/device/check-in"))
                        .header("Authorization", "Bearer " + credential)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"fingerprint\":\"player-1\",\"nonce\":\"n\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String signature = raw.headers().firstValue("Device-Signature").orElseThrow();
        byte[] tampered = new String(raw.body(), StandardCharsets.UTF_8)
                .replace("\"valid\":true", "\"valid\":false")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(call(example, "verify", key, raw.body(), signature)).isEqualTo(true);
        assertThat(call(example, "verify", key, tampered, signature)).isEqualTo(false);
        assertThatThrownBy(() -> call(example, "checkIn", server, credential, "player-1", otherKey()))
                .isInstanceOf(SecurityException.class);
    }

    private static PublicKey otherKey() throws Exception {
        return java.security.KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair()
                .getPublic();
    }

    private Class<?> compileExample() throws Exception {
        String guide = Files.readString(Path.of("docs", "device-api.md"));
        Matcher block = JAVA_BLOCK.matcher(guide);
        assertThat(block.find()).as("a java block in docs/device-api.md").isTrue();
        Path source = classes.resolve("LicenceCheck.java");
        Files.writeString(source, block.group(1));
        var errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler()
                .run(null, null, errors, "-d", classes.toString(), source.toString());
        assertThat(status).as(errors.toString()).isZero();
        var loader = new URLClassLoader(
                new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass("LicenceCheck");
    }

    private static Object call(Class<?> example, String name, Object... arguments) throws Exception {
        Method method = List.of(example.getMethods()).stream()
                .filter(candidate -> candidate.getName().equals(name))
                .findFirst()
                .orElseThrow();
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}

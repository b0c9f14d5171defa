package io.licencedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification recipes of docs/webhooks.md, taken from the document itself: its Java class, compiled, and its
 * shell and OpenSSL lines, run, accept what the application signs and refuse a body or a timestamp changed after.
 */
class WebhooksGuideTests {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final String SECRET = Signatures.newSecret();
    private static final String BODY =
            "{\"id\":\"evt_1\",\"type\":\"licence.paused\",\"data\":{\"object\":{\"name\":\"Café\"}}}";

    @TempDir
    Path work;

    @Test
    void theJavaExampleAcceptsWhatTheApplicationSignsAndNothingChanged() throws Exception {
        Method verify = compileExample().getMethod("verify", String.class, String.class, byte[].class, Instant.class);
        Instant now = Instant.ofEpochSecond(1_796_337_127L);
        String header = Signatures.header(SECRET, now.getEpochSecond(), BODY);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(verify.invoke(null, SECRET, header, body, now.plusSeconds(30)))
                .isEqualTo(true);
        assertThat(verify.invoke(
                        null, SECRET, header, BODY.replace("Café", "Cafe").getBytes(StandardCharsets.UTF_8), now))
                .as("another body")
                .isEqualTo(false);
        assertThat(verify.invoke(null, Signatures.newSecret(), header, body, now))
                .as("another secret")
                .isEqualTo(false);
        assertThat(verify.invoke(null, SECRET, header.replace("t=1796337127", "t=1796337128"), body, now))
                .as("another timestamp")
                .isEqualTo(false);
        assertThat(verify.invoke(null, SECRET, header, body, now.plus(Duration.ofMinutes(6))))
                .as("a replay six minutes later")
                .isEqualTo(false);
    }

    /**
     * For a day after a roll each request carries two v1 (decision 0157): the documented verification accepts the
     * request with either secret, whichever order they come in. The example before took the last v1 only, and so
     * refused a receiver that had already taken the new secret.
     */
    @Test
    void theJavaExampleAcceptsEitherSignatureWhileARolledSecretStillSigns() throws Exception {
        Method verify = compileExample().getMethod("verify", String.class, String.class, byte[].class, Instant.class);
        Instant now = Instant.ofEpochSecond(1_796_337_127L);
        String rolled = Signatures.newSecret();
        String header = Signatures.header(java.util.List.of(rolled, SECRET), now.getEpochSecond(), BODY);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(header).matches("t=1796337127,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(verify.invoke(null, rolled, header, body, now))
                .as("the new secret")
                .isEqualTo(true);
        assertThat(verify.invoke(null, SECRET, header, body, now))
                .as("the replaced one")
                .isEqualTo(true);
        assertThat(verify.invoke(null, Signatures.newSecret(), header, body, now))
                .as("another secret")
                .isEqualTo(false);
    }

    /** The worked example a developer checks their own code against is what the application signs. */
    @Test
    void theWorkedExampleIsWhatTheApplicationSigns() throws Exception {
        Matcher example = Pattern.compile(
                        "```text\\nsecret: (\\S+)\\nt: +(\\d+)\\nbody: +(.+)\\nv1: +([0-9a-f]{64})\\n```")
                .matcher(Files.readString(Path.of("docs", "webhooks.md")));
        assertThat(example.find()).as("a worked example in docs/webhooks.md").isTrue();

        String header = Signatures.header(example.group(1), Long.parseLong(example.group(2)), example.group(3));

        assertThat(header).isEqualTo("t=" + example.group(2) + ",v1=" + example.group(4));
        assertThat(Receiver.hmacSha256(example.group(1), example.group(2) + "." + example.group(3)))
                .as("as the recipe computes it")
                .isEqualTo(example.group(4));
    }

    @Test
    void theShellExampleComputesTheSameSignature() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "needs OpenSSL");
        String recipe = block(SH_BLOCK, "sh");
        long t = 1_796_337_127L;
        String header = Signatures.header(SECRET, t, BODY);
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Files.writeString(work.resolve("body.json"), BODY);
        String script = recipe.replaceFirst("secret='whsec_…'", "secret='" + SECRET + "'")
                .replaceFirst("t=1796337127", "t=" + t)
                .replaceFirst("v1=5f2b…", "v1=" + v1);

        assertThat(run(script)).contains("signature OK");
        Files.writeString(work.resolve("body.json"), BODY.replace("Café", "Cafe"));
        assertThat(run(script)).contains("signature WRONG");
    }

    private String run(String script) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", script)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private Class<?> compileExample() throws Exception {
        Path source = work.resolve("WebhookSignature.java");
        Files.writeString(source, block(JAVA_BLOCK, "java"));
        var errors = new ByteArrayOutputStream();
        int status =
                ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-d", work.toString(), source.toString());
        assertThat(status).as(errors.toString()).isZero();
        return new URLClassLoader(
                        new java.net.URL[] {work.toUri().toURL()}, getClass().getClassLoader())
                .loadClass("WebhookSignature");
    }

    private static String block(Pattern pattern, String language) throws Exception {
        Matcher block = pattern.matcher(Files.readString(Path.of("docs", "webhooks.md")));
        assertThat(block.find())
                .as("a " + language + " block in docs/webhooks.md")
                .isTrue();
        return block.group(1);
    }
}

package io.licencedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No test registers a webhook endpoint (or any address) at a public address that is someone's: a delivery there would
 * leave the machine for the internet. ConsoleWebhookIntegrationTests and ConsoleOtherOrganisationSweepIntegrationTests
 * registered https://93.184.216.34 (a real server's). An address the endpoint checks take as public must be in a
 * documentation range (RFC 5737), which nothing routes (decision 0151). EndpointAddressesTests is the exception: it
 * asks the check about real public addresses and connects nowhere.
 */
class TestsStayOffTheInternetTests {

    private static final Pattern ADDRESS = Pattern.compile("https?://(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})");

    private static final List<String> DOCUMENTATION = List.of("192.0.2.", "198.51.100.", "203.0.113.");

    private static final List<String> EXCEPTIONS =
            List.of("EndpointAddressesTests.java", "TestsStayOffTheInternetTests.java");

    @Test
    void everyPublicAddressATestNamesIsInADocumentationRange() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (EXCEPTIONS.contains(file.getFileName().toString())) {
                    continue;
                }
                Matcher address = ADDRESS.matcher(Files.readString(file));
                while (address.find()) {
                    String ip = address.group(1);
                    if (!EndpointAddresses.isPrivate(InetAddress.getByName(ip))
                            && DOCUMENTATION.stream().noneMatch(ip::startsWith)) {
                        wrong.add(file.getFileName() + ": " + address.group());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}

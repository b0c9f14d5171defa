package io.licencedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.shared.Reason;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses may receive webhooks: literal addresses only, so that no answer depends on DNS. */
class EndpointAddressesTests {

    final EndpointAddresses addresses = new EndpointAddresses();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hooks",
                "https://127.0.0.2:8443/hooks",
                "http://localhost:8080/hooks",
                "https://10.1.2.3/hooks",
                "https://172.16.0.1/hooks",
                "https://192.168.1.20/hooks",
                "http://169.254.169.254/latest/meta-data",
                "https://[::1]/hooks",
                "https://[fe80::1]/hooks",
                "https://[fd00:ec2::254]/hooks",
                "https://0.0.0.0/hooks",
                "https://[::]/hooks",
                "https://224.0.0.1/hooks",
                "https://100.64.0.1/hooks",
                "https://[::ffff:10.0.0.1]/hooks",
                "https://[64:ff9b::a00:1]/hooks",
                "https://[2002:a00:1::]/hooks",
                "https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/hooks",
                "https://255.255.255.255/hooks"
            })
    void refusesPrivateAddressesUnlessTheyAreAllowed(String url) {
        // typed as an address ("127.0.0.1") or as a name that resolves to one: the same refusal, worded for each
        assertThat(addresses.refusal(url, false))
                .map(Reason::code)
                .hasValueSatisfying(code ->
                        assertThat(code).isIn("reason.webhook.privateAddress", "reason.webhook.privateAddressTyped"));
        assertThat(addresses.refusal(url, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://93.184.216.34/hooks",
                // The documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) are public to the
                // check, as nothing routes them: the tests register endpoints there, which no delivery can reach
                // (decision 0151).
                "https://192.0.2.1/hooks",
                "https://198.51.100.7/hooks",
                "https://203.0.113.7/hooks",
                "https://[2606:2800:220:1:248:1893:25c8:1946]:8443/x?y=1",
                "https://[2001:0:4136:e378:8000:63bf:a247:27dd]/hooks"
            })
    void acceptsPublicAddressesOverHttps(String url) {
        assertThat(addresses.refusal(url, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void needsHttpsForAPublicAddressWhetherOrNotPrivateOnesAreAllowed(boolean privateAllowed) {
        assertThat(addresses.refusal("http://93.184.216.34/hooks", privateAllowed))
                .map(Reason::code)
                .contains("reason.webhook.httpsRequired");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "example.com/hooks",
                "ftp://93.184.216.34/hooks",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "https:///hooks",
                "https://93.184.216.34/hooks#fragment",
                "https://exa mple.com/",
                // a port no connection can use: the endpoint was saved and every delivery failed
                "https://127.0.0.1:99999/hooks",
                "https://93.184.216.34:65536/hooks",
                "https://93.184.216.34:0/hooks"
            })
    void refusesWhatIsNotAnAbsoluteHttpAddress(String url) {
        assertThat(addresses.refusal(url, true)).map(Reason::code).contains("reason.webhook.urlInvalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:secret@93.184.216.34/hooks", "https://user@93.184.216.34/hooks"})
    void refusesCredentialsInTheAddress(String url) {
        assertThat(addresses.refusal(url, true)).map(Reason::code).contains("reason.webhook.urlCredentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://no-such-host.invalid/hooks"})
    void refusesAHostThatDoesNotResolve(String url) {
        Optional<Reason> refusal = addresses.refusal(url, true);
        assertThat(refusal).map(Reason::code).contains("reason.webhook.hostUnknown");
    }

    @org.junit.jupiter.api.Test
    void refusesAnAddressLongerThan2000Characters() {
        String url = "https://93.184.216.34/" + "a".repeat(2000);
        assertThat(addresses.refusal(url, true)).map(Reason::code).contains("reason.webhook.urlInvalid");
    }

    @org.junit.jupiter.api.Test
    void readsAnInternationalDomainNameInItsAsciiForm() throws Exception {
        assertThat(EndpointAddresses.withAsciiHost(" https://例え.jp/hook?x=é "))
                .isEqualTo("https://xn--r8jz45g.jp/hook?x=é");
        assertThat(EndpointAddresses.withAsciiHost("https://user@bücher.example:8443/a"))
                .isEqualTo("https://user@xn--bcher-kva.example:8443/a");
        assertThat(EndpointAddresses.parse("https://例え.jp/hook").getHost()).isEqualTo("xn--r8jz45g.jp");
        // no longer "not a full address": whatever DNS answers for it, the address itself is read
        assertThat(addresses.refusal("https://例え.jp/hook", false))
                .map(Reason::code)
                .isNotEqualTo(Optional.of("reason.webhook.urlInvalid"));
        assertThat(addresses.refusal("https://bücher.invalid/hook", true))
                .map(Reason::code)
                .contains("reason.webhook.hostUnknown");
    }

    @org.junit.jupiter.api.Test
    void checksAnInternationalNameForPrivateAddressesAsItsAsciiForm() {
        // full-width letters are "localhost" once in ASCII: still refused as a private address
        assertThat(addresses.refusal("http://ｌｏｃａｌｈｏｓｔ:8080/hooks", false))
                .map(Reason::code)
                .contains("reason.webhook.privateAddress");
        assertThat(addresses.refusal("http://ｌｏｃａｌｈｏｓｔ:8080/hooks", true)).isEmpty();
    }
}

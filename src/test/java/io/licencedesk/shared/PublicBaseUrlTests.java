package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LICENCEDESK_BASE_URL as an operator may type it: what starts a working link, and what stops the start. */
class PublicBaseUrlTests {

    @Test
    void anAddressWithOrWithoutATrailingSlashStartsLinks() {
        assertThat(PublicBaseUrl.parse("https://licences.example.com")).isEqualTo("https://licences.example.com");
        assertThat(PublicBaseUrl.parse(" https://licences.example.com/ ")).isEqualTo("https://licences.example.com");
        assertThat(PublicBaseUrl.parse("http://localhost:8080")).isEqualTo("http://localhost:8080");
        assertThat(PublicBaseUrl.parse("https://example.com/licencedesk/"))
                .isEqualTo("https://example.com/licencedesk");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "licences.example.com",
                "//licences.example.com",
                "ftp://licences.example.com",
                "https://",
                "https://licences.example.com/?lang=fr",
                "https://licences example.com",
                ""
            })
    void anAddressThatCannotStartALinkStopsTheStartNamingTheSetting(String setting) {
        assertThatThrownBy(() -> PublicBaseUrl.parse(setting))
                .isInstanceOf(SettingRefusedException.class)
                .hasMessageStartingWith("LICENCEDESK_BASE_URL '" + setting + "' is not an http or https address");
    }
}

package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A count of one reads in the singular, in French a count of zero too ("0 licence"), in the messages that show a count
 * next to a noun or an adjective that agrees with it.
 */
class CountsInWordsTests {

    private static final Locale FRENCH = Locale.FRENCH;
    private final ResourceBundleMessageSource messages = messages();

    @Test
    void theDashboardsLicenceTotal() {
        assertThat(text(Locale.ENGLISH, "dashboard.active.of", "1", 1L)).isEqualTo("of 1 licence");
        assertThat(text(Locale.ENGLISH, "dashboard.active.of", "1,000", 1000L)).isEqualTo("of 1,000 licences");
        assertThat(text(FRENCH, "dashboard.active.of", "0", 0L)).isEqualTo("sur 0 licence");
        assertThat(text(FRENCH, "dashboard.active.of", "1", 1L)).isEqualTo("sur 1 licence");
        assertThat(text(FRENCH, "dashboard.active.of", "2", 2L)).isEqualTo("sur 2 licences");
    }

    @Test
    void screensOfALicenceInFrench() {
        assertThat(text(FRENCH, "portal.licence.seatsFree", 1, 4)).isEqualTo("(1 sur 4 libre)");
        assertThat(text(FRENCH, "portal.licence.seatsFree", 3, 4)).isEqualTo("(3 sur 4 libres)");
        assertThat(text(FRENCH, "people.clientPage.screensUsed", 1, 3)).isEqualTo("1 sur 3 enregistré");
        assertThat(text(FRENCH, "people.clientPage.screensUsed", 2, 3)).isEqualTo("2 sur 3 enregistrés");
    }

    @Test
    void theDigestsSubjectAndAnImportsTimeLeftInFrench() {
        assertThat(text(FRENCH, "digest.subject", "Acme", 2L, 0L, 1L))
                .isEqualTo("Votre semaine chez Acme\u00a0: 2 à échéance, 0 en retard, 1 renouvelée");
        assertThat(text(FRENCH, "digest.subject", "Acme", 2L, 0L, 3L)).endsWith(", 3 renouvelées");
        assertThat(text(FRENCH, "console.import.secondsLeft", 1L)).isEqualTo("environ 1\u00a0s restante");
        assertThat(text(FRENCH, "console.import.secondsLeft", 40L)).isEqualTo("environ 40\u00a0s restantes");
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}

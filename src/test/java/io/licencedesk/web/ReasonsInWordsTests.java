package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.shared.Reason;
import io.licencedesk.support.InWords;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every reason the domain can give has words in messages.properties, and every "reason." text there is one the
 * domain gives (decision 0039). The codes are read from the sources, so a new reason without words fails here
 * rather than in front of a user.
 */
class ReasonsInWordsTests {

    private static final Pattern CODE = Pattern.compile("\"(reason\\.[A-Za-z0-9.]+)\"");

    @Test
    void everyReasonInTheSourcesHasWordsAndEveryReasonTextIsUsed() throws IOException {
        Set<String> used = codesInTheSources();
        Set<String> written = reasonKeys();

        assertThat(used).as("reasons the domain gives").isNotEmpty();
        assertThat(written).as("reasons with words in messages.properties").containsAll(used);
        assertThat(used).as("reason texts no code uses").containsAll(written);
    }

    @Test
    void everyReasonTextIsAValidPatternThatKeepsItsApostrophes() throws IOException {
        Properties messages = messages();
        for (String key : reasonKeys()) {
            String text = messages.getProperty(key);
            new MessageFormat(text); // throws on a malformed pattern
            if (text.contains("{")) {
                // In a pattern a lone quote starts a quoted section and swallows the text after it.
                assertThat(text.replace("''", "")).as(key).doesNotContain("'");
            }
        }
    }

    @Test
    void rendersArgumentsAsPeopleWriteThem() {
        assertThat(InWords.english(Reason.of("reason.screen.limitReached", 1)))
                .isEqualTo("This licence has 1 screen and it is registered. Remove it to register another.");
        assertThat(InWords.english(Reason.of("reason.screen.limitReached", 2500)))
                .isEqualTo("All 2,500 screens of this licence are registered. Remove one to register another.");
        assertThat(InWords.english(Reason.of("reason.device.licenceExpired", java.time.LocalDate.of(2026, 12, 3))))
                .isEqualTo("This licence ended on 3 Dec 2026. Activate again once the client has renewed it with their"
                        + " account manager.");
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        assertThat(messages.getMessage(
                        Reason.of("reason.renewal.alreadyRenewed", java.time.LocalDate.of(2027, 1, 3)), Locale.FRENCH))
                .isEqualTo("Cette licence est déjà renouvelée\u00a0: sa prochaine période commence le 3 janv. 2027.");
    }

    @Test
    void writesNumbersAsTheLanguageOfTheWordsDoesWhateverTheBrowserAsks() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        var reasons = new Reasons(messages);
        try {
            LocaleContextHolder.setLocale(Locale.GERMANY);
            assertThat(reasons.text(Reason.of("reason.screen.limitReached", 2500)))
                    .isEqualTo("All 2,500 screens of this licence are registered. Remove one to register another.");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static Set<String> codesInTheSources() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher code = CODE.matcher(Files.readString(file));
                while (code.find()) {
                    codes.add(code.group(1));
                }
            }
        }
        return codes;
    }

    private static Set<String> reasonKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String key : messages().stringPropertyNames()) {
            if (key.startsWith("reason.")) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Properties messages() throws IOException {
        Properties messages = new Properties();
        try (Reader reader =
                Files.newBufferedReader(Path.of("src/main/resources/messages.properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }
}

package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.audit.AuditSubject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every audit subject and every action on it has words in each language: the log's "What" filter never shows a
 * message key or an action's code (it falls back to them when a message is missing).
 */
class AuditViewTests {

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void everySubjectAndActionHasItsWords(String language) {
        AuditView view = new AuditView(messages(), Locale.forLanguageTag(language), true);

        List<String> labels = new ArrayList<>();
        for (AuditView.Group group : view.choices()) {
            labels.add(group.label());
            group.choices().forEach(choice -> labels.add(choice.label()));
        }
        for (AuditSubject subject : AuditSubject.values()) {
            labels.add(view.subject(subject));
        }

        assertThat(labels)
                .as("labels that are a message key or a code")
                .filteredOn(label -> label.startsWith("audit.") || label.matches("[A-Z_]+"))
                .isEmpty();
        assertThat(view.choices()).hasSize(AuditSubject.values().length);
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}

package io.licencedesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A refusal in the English words a person reads, rendered from messages.properties the way the web channels
 * render it. For AssertJ: {@code .extracting(InWords::english, as(STRING)).contains("…")}.
 */
public final class InWords {

    private static final ResourceBundleMessageSource MESSAGES = messages();

    private InWords() {}

    public static String english(Throwable refused) {
        return english(((RefusedException) refused).reason());
    }

    /** For {@code assertThatThrownBy(…).satisfies(says("…"))}: the refusal reads exactly this. */
    public static Consumer<Throwable> says(String text) {
        return refused -> assertThat(english(refused)).isEqualTo(text);
    }

    /** The refusal's words contain this. */
    public static Consumer<Throwable> saysSomething(String part) {
        return refused -> assertThat(english(refused)).contains(part);
    }

    public static String english(Reason reason) {
        return MESSAGES.getMessage(reason, Locale.ENGLISH);
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}

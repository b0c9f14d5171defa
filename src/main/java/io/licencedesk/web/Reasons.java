package io.licencedesk.web;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The domain's reasons in words, from messages.properties, in the language of the request being answered
 * (decision 0039). The web channels show a refusal only through here, never through an exception's message.
 */
@Component
public class Reasons {

    private final MessageSource messages;

    Reasons(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Reason reason) {
        return messages.getMessage(reason, languageOfTheWords());
    }

    public String text(RefusedException refused) {
        return text(refused.reason());
    }

    /**
     * The language of the words that answer the request's locale, as their file names it: numbers are then
     * written as those words' language writes them (an English text says "2,500" to a German browser too).
     */
    private Locale languageOfTheWords() {
        return Locale.forLanguageTag(messages.getMessage("language", null, "en", LocaleContextHolder.getLocale()));
    }
}

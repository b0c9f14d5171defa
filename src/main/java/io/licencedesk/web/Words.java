package io.licencedesk.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts from messages.properties (and its translations) in the language of the request being answered (decision
 * 0053): controllers write their toasts and form errors through here, never in English literals.
 */
@Component
public class Words {

    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    public String of(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}

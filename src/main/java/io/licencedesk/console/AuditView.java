package io.licencedesk.console;

import io.licencedesk.audit.AuditEntry;
import io.licencedesk.audit.AuditSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The audit log's words and links for one request: what each subject, action and field is called (from
 * messages.properties, falling back to the licence history's words, then to the code itself), and the console page
 * of each entry's object, where there is one the reader may open.
 */
final class AuditView {

    /** One choice of the "What" filter: a subject, or one action on it. */
    record Choice(String value, String label) {}

    /** The choices about one kind of subject. */
    record Group(String label, List<Choice> choices) {}

    private final MessageSource messages;
    private final Locale locale;
    private final boolean owner;

    AuditView(MessageSource messages, Locale locale, boolean owner) {
        this.messages = messages;
        this.locale = locale;
        this.owner = owner;
    }

    public List<Group> choices() {
        List<Group> groups = new ArrayList<>();
        for (AuditSubject subject : AuditSubject.values()) {
            List<Choice> choices = new ArrayList<>();
            choices.add(new Choice(subject.name(), word("audit.subject.all." + subject.name())));
            for (String action : subject.actions()) {
                choices.add(new Choice(subject.name() + "." + action, action(subject, action)));
            }
            groups.add(new Group(word("audit.subjects." + subject.name()), choices));
        }
        return groups;
    }

    public String subject(AuditSubject subject) {
        return word("audit.subject." + subject.name());
    }

    public String action(AuditSubject subject, String action) {
        String words = messages.getMessage("audit.action." + subject.name() + "." + action, null, null, locale);
        if (words == null) {
            words = messages.getMessage("history.action." + action, null, null, locale);
        }
        return words != null ? words : action;
    }

    public String field(String field) {
        String words = messages.getMessage("history.field." + field, null, null, locale);
        return words != null ? words : field;
    }

    /** The console page of the entry's object, or null when it has none this reader may open. */
    public String link(AuditEntry entry) {
        Long id = entry.subjectId();
        return switch (entry.subject()) {
            case LICENCE -> "/licences/" + id;
            case INVOICE -> "/invoices/" + id;
            case CLIENT -> "/clients/" + id;
            case PLAN -> owner ? "/plans/" + id + "/edit" : null;
            case LICENCE_IMPORT -> "/licences/imports/" + id;
            case ORGANISATION -> owner ? "/settings" : null;
            case WEBHOOK_ENDPOINT -> owner ? "/settings/webhooks/" + id : null;
            case API_TOKEN, USER, COUPON_CODE -> null;
        };
    }

    private String word(String code) {
        return messages.getMessage(code, null, code, locale);
    }
}

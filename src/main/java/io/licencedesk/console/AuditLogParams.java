package io.licencedesk.console;

import io.licencedesk.audit.AuditFilter;
import io.licencedesk.audit.AuditPageRequest;
import io.licencedesk.audit.AuditSubject;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The audit log's query string: who, what, when and which object, and the page. Every value is text, so that
 * anything typed binds and a bad one is a message beside its field (or, for a page link, above the log) rather
 * than an error page. Builds the page's links, each keeping the filters.
 *
 * @param what a subject ("LICENCE") or a subject and one of its actions ("LICENCE.PAUSED")
 * @param client a client's id: everything about them (their account, licences and invoices), as on their page
 */
record AuditLogParams(
        @Size(max = 254, message = "{audit.filter.who.tooLong}")
        String who,

        String what,
        String from,
        String to,

        @Size(max = 300, message = "{audit.filter.object.tooLong}")
        String object,

        String after,
        String before,
        String last,
        String client) {

    static final int PAGE_SIZE = 50;

    AuditLogParams(
            String who, String what, String from, String to, String object, String after, String before, String last) {
        this(who, what, from, to, object, after, before, last, null);
    }

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    /** The message key of what is wrong with each field a constraint does not check; the page link is "cursor". */
    Map<String, String> problems() {
        var problems = new LinkedHashMap<String, String>();
        if (!blank(what) && subject() == null) {
            problems.put("what", "audit.filter.what.unknown");
        }
        if (!blank(from) && day(from) == null) {
            problems.put("from", "audit.filter.notADate");
        }
        if (!blank(to) && day(to) == null) {
            problems.put("to", "audit.filter.notADate");
        } else if (day(from) != null && day(to) != null && day(to).isBefore(day(from))) {
            problems.put("to", "audit.filter.toBeforeFrom");
        }
        if (!blank(after) && !ID.matcher(after).matches()
                || !blank(before) && !ID.matcher(before).matches()) {
            problems.put("cursor", "audit.pageLinkInvalid");
        }
        if (!blank(client) && !ID.matcher(client.strip()).matches()) {
            problems.put("client", "audit.filter.client.unknown");
        }
        return problems;
    }

    /** The filter, once {@link #problems()} has none. */
    AuditFilter filter() {
        AuditSubject subject = subject();
        String action = blank(what) || !what.contains(".") ? null : what.substring(what.indexOf('.') + 1);
        return new AuditFilter(who, subject, action, day(from), day(to), object, clientId());
    }

    /** The client whose entries are asked for, or null for everyone's; read once {@link #problems()} has none. */
    Long clientId() {
        return blank(client) ? null : Long.valueOf(client.strip());
    }

    AuditPageRequest page() {
        return new AuditPageRequest(id(after), id(before), "true".equals(last), PAGE_SIZE);
    }

    public boolean anyFilter() {
        return !blank(who) || !blank(what) || !blank(from) || !blank(to) || !blank(object) || !blank(client);
    }

    /** The chosen subject, or null when none is chosen or the choice is not one of the list's. */
    private AuditSubject subject() {
        if (blank(what)) {
            return null;
        }
        int dot = what.indexOf('.');
        String name = dot < 0 ? what : what.substring(0, dot);
        for (AuditSubject subject : AuditSubject.values()) {
            if (subject.name().equals(name) && (dot < 0 || subject.actions().contains(what.substring(dot + 1)))) {
                return subject;
            }
        }
        return null;
    }

    public String firstUrl() {
        return url("/audit");
    }

    public String lastUrl() {
        return withPage("last=true");
    }

    public String afterUrl(long id) {
        return withPage("after=" + id);
    }

    public String beforeUrl(long id) {
        return withPage("before=" + id);
    }

    /** The CSV download of every entry these filters take. */
    public String exportUrl() {
        return url("/audit/export.csv");
    }

    private String withPage(String page) {
        String first = firstUrl();
        return first + (first.contains("?") ? "&" : "?") + page;
    }

    /** The path with the filters that are set, in a fixed order. */
    private String url(String path) {
        var query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        add(query, "who", who);
        add(query, "what", what);
        add(query, "from", from);
        add(query, "to", to);
        add(query, "object", object);
        add(query, "client", client);
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (!blank(value)) {
            query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static LocalDate day(String typed) {
        if (blank(typed) || !DAY.matcher(typed.strip()).matches()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(typed.strip());
            return day.getYear() < 1000 ? null : day;
        } catch (DateTimeParseException noSuchDay) {
            return null;
        }
    }

    private static Long id(String typed) {
        return blank(typed) ? null : Long.valueOf(typed);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

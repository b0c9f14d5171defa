package io.licencedesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Finds words written inside Thymeleaf expressions, which {@link I18nTests#noTemplateWritesATextItself()} cannot see:
 * a string literal ({@code 'Paused'}) or the text of a literal substitution ({@code |Edit ${code}|}) in an attribute
 * whose value a person reads or hears, or in an inlined {@code [[...]]}.
 *
 * <p>Attributes read: {@code th:text}, {@code th:utext}, {@code th:value}, {@code th:title}, {@code th:placeholder},
 * {@code th:alt}, {@code th:label}, {@code th:content}, the {@code aria-} attributes that carry words (label,
 * placeholder, roledescription, valuetext, description), {@code hx-confirm} and {@code hx-prompt}, every
 * {@code data-} attribute (our scripts show some of them), and those carried by {@code th:attr}. {@code th:with},
 * {@code th:replace}, {@code th:insert} and {@code th:include} are read too, since a variable or a fragment's argument
 * may be shown.
 *
 * <p>Allowed, because nobody reads them as words:
 *
 * <ul>
 *   <li>any literal in an attribute not read: classes ({@code th:classappend}), ids and {@code for}, links and paths
 *       ({@code th:href}, {@code th:action}, {@code @{...}}), styles, conditions ({@code th:if}, {@code th:case}),
 *       {@code th:each}, form bindings, htmx attributes other than hx-confirm and hx-prompt, and {@code th:attr}
 *       parts naming such attributes ({@code aria-current=... 'page'}, {@code aria-describedby}, {@code aria-invalid});
 *   <li>a literal compared with {@code ==}, {@code !=}, {@code eq} or {@code ne}: enum names in
 *       {@code ${status.name() == 'PAUSED'}}, section names, language codes;
 *   <li>format patterns: dates ({@code 'd MMM yyyy, HH:mm'}) and constants in capitals ({@code 'COMMA'});
 *   <li>message keys, ids and class lists: lower-case tokens with a dot, a dash, a colon, an underscore, a digit or a
 *       capital inside ({@code 'apiTokens.access.'}, {@code 'name-error name-help'}, {@code 'text-end'});
 *   <li>paths and URLs ({@code '/api-tokens'});
 *   <li>a single lower-case word given as an argument to a fragment or a utility object ({@code 'code'} in
 *       {@code sortable('code', ...)}, {@code 'webhooks'} in {@code tabs('webhooks')}): sort keys and tab names.
 * </ul>
 *
 * Anything else holding a letter is a text: move it to the messages, with its values as arguments
 * ({@code #{licence.edit.title(${code})}}).
 */
final class ExpressionTexts {

    /** The attribute names (without th:) whose value is read or may be shown. */
    static final Set<String> READ = Set.of(
            "text",
            "utext",
            "value",
            "title",
            "placeholder",
            "alt",
            "label",
            "content",
            "aria-label",
            "aria-placeholder",
            "aria-roledescription",
            "aria-valuetext",
            "aria-description",
            "hx-confirm",
            "hx-prompt",
            "with",
            "replace",
            "insert",
            "include");

    static final Pattern LETTER = Pattern.compile("\\p{L}");
    static final Pattern DATE_PATTERN = Pattern.compile(
            "(?:d{1,2}|M{1,4}|L{1,4}|y{2,4}|u{2,4}|H{1,2}|h{1,2}|k{1,2}|m{1,2}|s{1,2}|S{1,3}|E{1,4}|a|z{1,4}|[\\s,.:/-])+");
    static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final String TOKEN =
            "(?:[a-z][a-z0-9]*(?:[A-Z0-9][A-Za-z0-9]*|[._:-][A-Za-z0-9]*)+|[._:-][a-z][A-Za-z0-9]*(?:[._:-][A-Za-z0-9]*)*)";
    static final Pattern KEYS_OR_IDS = Pattern.compile(TOKEN + "(?:\\s+" + TOKEN + ")*");
    static final Pattern PATH = Pattern.compile("(?:/|#|\\?|https?://|mailto:)\\S*");
    static final Pattern LOWER_WORD = Pattern.compile("[a-z]+");
    static final Pattern INLINED = Pattern.compile("\\[\\[(.*?)]]|\\[\\((.*?)\\)]", Pattern.DOTALL);

    private ExpressionTexts() {}

    /** The words found in a template, as "name:line: attribute "words"". */
    static List<String> in(String name, String html) {
        var document = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        List<String> found = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            if (element.tagName().equals("script") || element.tagName().equals("style")) {
                continue;
            }
            int from = Math.max(0, element.sourceRange().start().pos());
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().replaceFirst("^data-th-", "th:");
                if (!key.startsWith("th:")) {
                    continue;
                }
                String kind = key.substring(3);
                if (kind.equals("attr") || kind.equals("attrappend") || kind.equals("attrprepend")) {
                    for (String part : topLevelParts(attribute.getValue())) {
                        int equals = part.indexOf('=');
                        String target =
                                equals < 0 ? "" : part.substring(0, equals).strip();
                        if (read(target)) {
                            check(part.substring(equals + 1), key + " " + target, name, html, from, found);
                        }
                    }
                } else if (read(kind)) {
                    check(attribute.getValue(), key, name, html, from, found);
                }
            }
            for (TextNode text : element.textNodes()) {
                Matcher inlined = INLINED.matcher(text.getWholeText());
                while (inlined.find()) {
                    String expression = inlined.group(1) != null ? inlined.group(1) : inlined.group(2);
                    check(expression, "[[...]]", name, html, from, found);
                }
            }
        }
        return found;
    }

    static boolean read(String attribute) {
        return READ.contains(attribute) || attribute.startsWith("data-");
    }

    private static void check(String expression, String where, String name, String html, int from, List<String> found) {
        for (Literal literal : literals(expression, 0)) {
            if (!allowed(literal, expression)) {
                int at = html.indexOf(expression.substring(literal.start(), literal.end()), from);
                int line = (int) html.substring(0, at < 0 ? from : at)
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1;
                found.add(name + ":" + line + ": " + where + " \"" + literal.text() + "\"");
            }
        }
    }

    /** A literal's text, and where its source (quotes or pipes included) starts and ends in the expression. */
    record Literal(String text, int start, int end) {}

    /** The string literals and the texts of literal substitutions, in their order, those inside included. */
    static List<Literal> literals(String expression, int offset) {
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int end = closingQuote(expression, i);
                literals.add(new Literal(
                        expression.substring(i + 1, end).replace("\\'", "'"), offset + i, offset + end + 1));
                i = end + 1;
            } else if (c == '|') {
                StringBuilder text = new StringBuilder();
                List<Literal> inner = new ArrayList<>();
                int k = i + 1;
                while (k < expression.length() && expression.charAt(k) != '|') {
                    if ("$*#@~".indexOf(expression.charAt(k)) >= 0
                            && k + 1 < expression.length()
                            && expression.charAt(k + 1) == '{') {
                        int close = closingBrace(expression, k + 1);
                        inner.addAll(literals(expression.substring(k, close + 1), offset + k));
                        k = close + 1;
                    } else {
                        text.append(expression.charAt(k++));
                    }
                }
                literals.add(new Literal(text.toString(), offset + i, offset + Math.min(k + 1, expression.length())));
                literals.addAll(inner);
                i = k + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Whether a text holds no words: no letter, or a format pattern, a constant, keys or ids, a path. */
    static boolean code(String text) {
        String stripped = text.strip();
        return !LETTER.matcher(stripped).find()
                || DATE_PATTERN.matcher(stripped).matches()
                || CONSTANT.matcher(stripped).matches()
                || KEYS_OR_IDS.matcher(stripped).matches()
                || PATH.matcher(stripped).matches();
    }

    /** A data attribute's own value is a value for the scripts ("true", "modal", "#send-dialog"), or words. */
    static boolean value(String text) {
        return code(text) || LOWER_WORD.matcher(text.strip()).matches();
    }

    static boolean allowed(Literal literal, String expression) {
        String text = literal.text().strip();
        if (code(text)) {
            return true;
        }
        String before = expression.substring(0, literal.start()).stripTrailing();
        String after = expression.substring(literal.end()).stripLeading();
        boolean compared = before.endsWith("==")
                || before.endsWith("!=")
                || before.matches("(?s).*\\s(eq|ne)")
                || after.startsWith("==")
                || after.startsWith("!=")
                || after.matches("(?s)(eq|ne)\\s.*");
        boolean argument =
                (before.endsWith("(") || before.endsWith(",")) && (after.startsWith(")") || after.startsWith(","));
        return compared || (argument && LOWER_WORD.matcher(text).matches());
    }

    private static int closingQuote(String expression, int open) {
        int i = open + 1;
        while (i < expression.length() && !(expression.charAt(i) == '\'' && expression.charAt(i - 1) != '\\')) {
            i++;
        }
        return Math.min(i, expression.length() - 1);
    }

    private static int closingBrace(String expression, int open) {
        int depth = 0;
        for (int i = open; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'') {
                i = closingQuote(expression, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return expression.length() - 1;
    }

    /** th:attr's "name=expression" parts, split at the commas outside brackets, quotes and substitutions. */
    static List<String> topLevelParts(String value) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean substitution = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                i = closingQuote(value, i);
            } else if (c == '|') {
                substitution = !substitution;
            } else if ("({[".indexOf(c) >= 0) {
                depth++;
            } else if (")}]".indexOf(c) >= 0) {
                depth--;
            } else if (c == ',' && depth == 0 && !substitution) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }
}

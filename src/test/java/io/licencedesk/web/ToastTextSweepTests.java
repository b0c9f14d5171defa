package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No toast or flash message is an English literal in Java (decision 0053): the words come from messages.properties,
 * in the reader's language, through {@link Words} or {@link Reasons}.
 *
 * <p>What it checks: every Java source under src/main/java that sends a toast or a flash message (its code, outside
 * comments and literals, calls {@code Toasts.success(}, {@code Toasts.error(} or {@code addFlashAttribute(}, or
 * names the {@code "toast"} model attribute) holds no string literal that reads as text: a word with a vowel
 * ("Invoice", "left") beside a space, or a one-word sentence ("Saved."). So both a whole sentence and the pieces of
 * one glued with {@code +} ("Client " + name + " added.") fail. Message keys and their prefixes ("people.role."),
 * paths ("redirect:", "/licences?"), header names and format patterns ("d MMM yyyy") pass. Comments, Javadoc and text blocks are not read: a
 * controller holds no SQL, and a text block of words would be another bug this sweep does not look for.
 */
class ToastTextSweepTests {

    private static final Path SOURCES = Path.of("src/main/java");

    /** A word people read: two letters or more, lower case after the first, with a vowel. */
    private static final String WORD = "[A-Za-z][a-z]*[aeiou][a-z]*";

    /** A word beside a space, or a one-word sentence ("Saved."). */
    private static final Pattern TEXT = Pattern.compile("(?:^|[^A-Za-z])" + WORD + " " + "|" + " " + WORD
            + "(?:[^A-Za-z]|$)" + "|" + "^[A-Z][a-z]*[aeiou][a-z]*[.!?]$");

    private static final Pattern SENDS_TOASTS =
            Pattern.compile("Toasts\\.(?:success|error)\\(|addFlashAttribute\\(|\"toast\"");

    @Test
    void noJavaSourceWritesAToastInEnglishLiterals() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> found.addAll(textIn(file)));
        }
        assertThat(found)
                .as("toast or flash texts written in Java; put them in messages.properties and messages_fr.properties")
                .isEmpty();
    }

    @Test
    void theSweepFindsSentencesAndTheirPiecesButNotKeysPathsOrPatterns() {
        assertThat(textIn("Toasts.success(redirect, \"Settings saved.\");")).containsExactly("\"Settings saved.\"");
        assertThat(textIn("Toasts.success(redirect, \"Client \" + name + \" added.\");"))
                .containsExactly("\"Client \"", "\" added.\"");
        assertThat(textIn("act(redirect, () -> \"Invoice \" + n + \" voided\"); Toasts.error(redirect, t);"))
                .hasSize(2);
        assertThat(textIn("redirect.addFlashAttribute(\"toast\", \"Saved.\");")).containsExactly("\"Saved.\"");
        assertThat(textIn("model.addAttribute(\"toast\", \"about \" + s + \" s left\");"))
                .hasSize(2);

        assertThat(textIn("Toasts.success(redirect, words.of(\"plans.created\", plan.name()));"))
                .isEmpty();
        assertThat(textIn("Toasts.error(redirect, reasons.text(refused)); return \"redirect:/licences/\" + id;"))
                .isEmpty();
        assertThat(textIn("Toasts.success(r, x); var f = DateTimeFormatter.ofPattern(\"d MMM yyyy\", locale);"))
                .isEmpty();
        assertThat(textIn("Toasts.success(r, x); @RequestHeader(name = \"Referer\") String from; \" \" + \"·\""))
                .isEmpty();
        assertThat(textIn("Toasts.success(r, x); t = \"redirect:\" + \"/licences?\" + words.of(\"people.role.\" + r);"))
                .isEmpty();
        assertThat(textIn("Toasts.success(r, x); // \"Settings saved.\" was English\n/** \"Plan added.\" */"))
                .as("comments are not read")
                .isEmpty();
        assertThat(textIn("Toasts.success(r, x); String q = \"\"\"\n    select name from plan\n    \"\"\";"))
                .as("text blocks are not read")
                .isEmpty();
        assertThat(textIn("String s = \"Sent \\\"all\\\" invoices.\";"))
                .as("a file that sends no toast is not this sweep's business")
                .isEmpty();
        assertThat(textIn("char quote = '\"'; Toasts.success(r, \"Saved it.\");"))
                .as("a quote in a char literal opens no string")
                .containsExactly("\"Saved it.\"");
    }

    private static List<String> textIn(Path file) {
        try {
            return textIn(Files.readString(file)).stream()
                    .map(literal -> SOURCES.relativize(file) + ": " + literal)
                    .toList();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The literals that read as text, in a source that sends toasts; none in one that does not. */
    static List<String> textIn(String source) {
        Source parsed = Source.parse(source);
        if (!SENDS_TOASTS.matcher(parsed.code()).find()) {
            return List.of();
        }
        return parsed.literals().stream()
                .filter(literal -> TEXT.matcher(literal).find())
                .map(literal -> "\"" + literal + "\"")
                .toList();
    }

    /**
     * A Java source split into its code, with every comment, string and char literal and text block blanked out,
     * and its string literals' contents (escapes left as written).
     */
    record Source(String code, List<String> literals) {

        static Source parse(String source) {
            StringBuilder code = new StringBuilder();
            List<String> literals = new ArrayList<>();
            int i = 0;
            while (i < source.length()) {
                if (source.startsWith("//", i)) {
                    i = endOfLine(source, i);
                } else if (source.startsWith("/*", i)) {
                    i = after(source, "*/", i + 2);
                } else if (source.startsWith("\"\"\"", i)) {
                    i = after(source, "\"\"\"", i + 3);
                    code.append("\"\"");
                } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                    char quote = source.charAt(i);
                    int end = closing(source, quote, i + 1);
                    if (quote == '"') {
                        literals.add(source.substring(i + 1, end));
                        code.append("\"\"");
                    }
                    i = end + 1;
                } else {
                    code.append(source.charAt(i));
                    i++;
                }
            }
            // The literal "toast" is how a model attribute is named: keep it visible to the detector.
            boolean namesToast = literals.contains("toast");
            return new Source(namesToast ? code + " \"toast\"" : code.toString(), literals);
        }

        private static int endOfLine(String source, int from) {
            int end = source.indexOf('\n', from);
            return end < 0 ? source.length() : end;
        }

        private static int after(String source, String end, int from) {
            int at = source.indexOf(end, from);
            return at < 0 ? source.length() : at + end.length();
        }

        private static int closing(String source, char quote, int from) {
            int i = from;
            while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
                i += source.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i, source.length() - 1);
        }
    }
}

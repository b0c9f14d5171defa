package io.licencedesk.webhooks;

import java.nio.charset.StandardCharsets;

/**
 * Short, escaped text of what a receiver answered or what went wrong, for the delivery log: control characters
 * are written as escapes ({@code \n}, {@code \u0000}), so a stored excerpt is one line of plain text that pages
 * then escape as HTML like any other text.
 */
final class Excerpts {

    static final int MAX_CHARS = 200;

    private Excerpts() {}

    static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        return escape(new String(body, StandardCharsets.UTF_8));
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return escape(failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    static String escape(String text) {
        var escaped = new StringBuilder();
        text.codePoints().forEach(point -> {
            if (point == '\n') {
                escaped.append("\\n");
            } else if (point == '\r') {
                escaped.append("\\r");
            } else if (point == '\t') {
                escaped.append("\\t");
            } else if (Character.isISOControl(point)
                    || point == 0xfffd
                    || Character.getType(point) == Character.FORMAT) {
                escaped.append(String.format("\\u%04x", point));
            } else {
                escaped.appendCodePoint(point);
            }
        });
        if (escaped.length() <= MAX_CHARS) {
            return escaped.toString();
        }
        int end = Character.isHighSurrogate(escaped.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return escaped.substring(0, end) + "…";
    }
}

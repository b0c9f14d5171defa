package io.licencedesk.shared;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What in a query string Tomcat could not decode, read again from the raw query string so that the API's 400 can
 * name it, as its other 400s name their parameter: Tomcat only says that decoding failed. Decoded as Tomcat decodes a
 * query (percent-encoded UTF-8, {@code +} for a space, an invalid byte sequence refused).
 *
 * @param parameter the parameter whose value cannot be decoded; null when it cannot be named (its name itself
 *     cannot be decoded, or is empty)
 * @param inQuery whether the query string holds what cannot be decoded: if not, it is elsewhere (a form body, or
 *     more parameters than the server reads)
 */
public record UndecodableQuery(String parameter, boolean inQuery) {

    public static UndecodableQuery in(String query) {
        if (query == null) {
            return new UndecodableQuery(null, false);
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            if (name == null) {
                return new UndecodableQuery(null, true);
            }
            if (equals >= 0 && decoded(pair.substring(equals + 1)) == null) {
                return new UndecodableQuery(name.isEmpty() ? null : name, true);
            }
        }
        return new UndecodableQuery(null, false);
    }

    /** Where the API's 400 says the fault is: the parameter, or the query string ({@code query}) as a whole. */
    public String field() {
        return parameter == null ? "query" : parameter;
    }

    /** The API's words for it. */
    public String detail() {
        if (parameter != null) {
            return "The parameter %s cannot be decoded: percent-encode its value as UTF-8 (%%C3%%A9 for é)."
                    .formatted(parameter);
        }
        return inQuery
                ? "The query string cannot be decoded: percent-encode it as UTF-8 (%C3%A9 for é)."
                : "The query string cannot be read: percent-encode it as UTF-8, and send only the parameters the"
                        + " operation takes.";
    }

    /** The text, percent-decoded as UTF-8; null when it cannot be. */
    static String decoded(String text) {
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else { // not sent by a conforming client; read as the character it is
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}

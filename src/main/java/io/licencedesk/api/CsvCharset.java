package io.licencedesk.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A licence import's file is UTF-8 (docs/csv.md), as the console reads it. A request that declares another charset
 * ({@code text/csv;charset=utf-16}, {@code ;charset=windows-1252}) was read as UTF-8 all the same: what the sender
 * said it is was not what was read, and bytes that happen to be valid UTF-8 would be imported as other text. It is
 * refused before anything is read or saved (ApiRequestFilters), with the words the console's check says of a file in
 * another encoding; US-ASCII is UTF-8's subset and is taken. A charset the server does not know is another charset
 * too: Spring, which cannot read such a Content-Type, answered that the request had none (decision 0096).
 */
final class CsvCharset {

    private CsvCharset() {}

    /** Whether the Content-Type names a charset, and one that is not UTF-8 or US-ASCII. */
    static boolean declaresAnotherThanUtf8(String contentType) {
        String declared = declaredCharset(contentType);
        if (declared == null) {
            return false;
        }
        try {
            Charset charset = Charset.forName(declared);
            return !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException unknownCharset) {
            return true;
        }
    }

    private static String declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String value = parameter.substring("charset=".length()).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return null;
    }
}

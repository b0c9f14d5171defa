package io.licencedesk.shared;

/**
 * Characters that have no place in any text a person types: C0 controls other than tab, line feed and carriage
 * return (NUL among them, which PostgreSQL refuses in text), DEL, C1 controls, the noncharacters U+FFFE and U+FFFF
 * (which XML, and so the invoice PDF, cannot hold), and halves of a surrogate pair without the other half (which no
 * encoding can store).
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    public static boolean in(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f || c >= 0xfffe) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}

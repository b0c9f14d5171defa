package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTests {

    @Test
    void refusesEveryControlCharacterButTabAndLineBreaks() {
        for (char c = 0; c <= 0x9f; c++) {
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f;
            assertThat(ControlCharacters.in("a" + c + "b"))
                    .as("U+%04X", (int) c)
                    .isEqualTo(control);
        }
    }

    @Test
    void refusesWhatNoEncodingOrXmlCanHold() {
        assertThat(ControlCharacters.in("a\ufffe")).isTrue();
        assertThat(ControlCharacters.in("\uffff")).isTrue();
        assertThat(ControlCharacters.in("lone \ud800 high")).isTrue();
        assertThat(ControlCharacters.in("lone low \udc00")).isTrue();
        assertThat(ControlCharacters.in("reversed \udc00\ud800")).isTrue();
        assertThat(ControlCharacters.in("ends on a high \ud83d")).isTrue();
    }

    @Test
    void acceptsTextInAnyScriptWithEmojiTabsAndLineBreaks() {
        assertThat(ControlCharacters.in("Écran Zażółć gęślą ДИСПЛЕЙ Οθόνη 屏幕 😀\tnote\r\nnext ﷐ �"))
                .isFalse();
    }
}

package io.licencedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the delivery log keeps of a receiver's answer: one short line of plain text. */
class ExcerptsTests {

    @Test
    void escapesControlCharactersAndKeepsTheRest() {
        assertThat(Excerpts.of("ok\r\n\t<b>\u0000\u202e é".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ok\\r\\n\\t<b>\\u0000\\u202e é");
    }

    @Test
    void keepsAtMost200CharactersWithoutSplittingACharacter() {
        assertThat(Excerpts.of("a".repeat(500).getBytes(StandardCharsets.UTF_8)))
                .hasSize(201)
                .endsWith("…");
        String emoji = "a".repeat(199) + "😀😀";
        assertThat(Excerpts.escape(emoji)).isEqualTo("a".repeat(199) + "…");
    }

    @Test
    void keepsNothingOfAnEmptyAnswer() {
        assertThat(Excerpts.of(new byte[0])).isNull();
    }
}

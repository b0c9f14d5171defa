package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CouponCodeTests {

    @Test
    void parsesIgnoringCaseSpacesAndHyphens() {
        assertThat(CouponCode.parse(" ab12 cd34 ")).isEqualTo(new CouponCode("AB12CD34"));
        assertThat(CouponCode.parse("ab12-CD34")).isEqualTo(new CouponCode("AB12CD34"));
    }

    /**
     * Pasted from an e-mail, a PDF or a word processor: a no-break, narrow no-break or zero-width space, a soft hyphen,
     * an en dash or a minus sign reads as the space or hyphen a person types.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "ab12\u00A0cd34",
                "AB12\u202FCD34",
                "AB12\u200BCD34",
                "AB12\u00ADCD34",
                "ab12\u2013cd34",
                "AB12\u2212CD34",
                "\uFEFFAB12 CD34\u00A0"
            })
    void readsACodePastedWithOtherSpacesAndDashes(String pasted) {
        assertThat(CouponCode.parse(pasted)).isEqualTo(new CouponCode("AB12CD34"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "ABC", "AB12CD345", "AB12CD3!", "ÄB12CD34", "<script>", "AB12\u00A0CD3", "AB12\u2013CD345"})
    void refusesWhatCannotBeACode(String typed) {
        assertThatThrownBy(() -> CouponCode.parse(typed)).isInstanceOf(InvalidCouponCodeException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> CouponCode.parse(null)).isInstanceOf(InvalidCouponCodeException.class);
    }

    @Test
    void drawsEightCharactersFromTheWholeAlphabet() {
        var random = new Random(7);
        var seen = new HashSet<Character>();
        for (int i = 0; i < 2_000; i++) {
            String code = CouponCode.random(random).value();
            assertThat(code).matches("[A-Z0-9]{8}");
            code.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(36);
    }

    /**
     * A code Excel reads as a number (digits only, or digits around one E) came back changed from an export opened and
     * saved there, and its licence was imported again under a new code: such a draw is drawn again.
     */
    @Test
    void neverDrawsACodeASpreadsheetReadsAsANumber() {
        int[] digitsOnly = {27, 26, 35, 28, 29, 30, 31, 32}; // "10923456"
        int[] powerOfTen = {27, 28, 4, 29, 30, 31, 32, 33}; // "12E34567"
        int[] letters = {0, 1, 2, 3, 27, 28, 29, 30}; // "ABCD1234"
        var scripted = new ScriptedDraws(digitsOnly, powerOfTen, letters);

        assertThat(CouponCode.random(scripted).value()).isEqualTo("ABCD1234");
        assertThat(scripted.drawn).isEqualTo(24);
    }

    /** A generator that answers the given indexes into the alphabet, in order. */
    private static final class ScriptedDraws implements RandomGenerator {

        private final int[] answers;
        int drawn;

        ScriptedDraws(int[]... codes) {
            answers = Arrays.stream(codes).flatMapToInt(Arrays::stream).toArray();
        }

        @Override
        public int nextInt(int bound) {
            assertThat(bound).isEqualTo(CouponCode.ALPHABET.length());
            return answers[drawn++];
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the code draws with nextInt(bound)");
        }
    }
}

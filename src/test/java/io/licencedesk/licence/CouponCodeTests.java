package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
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
}

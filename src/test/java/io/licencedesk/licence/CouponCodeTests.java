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

    @ParameterizedTest
    @ValueSource(strings = {"", "ABC", "AB12CD345", "AB12CD3!", "ÄB12CD34", "<script>"})
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

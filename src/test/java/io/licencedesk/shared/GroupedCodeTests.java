package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupedCodeTests {

    @Test
    void aWholeCodeWrittenInGroupsGivesTheCode() {
        assertThat(GroupedCode.of("AB12 CD34")).isEqualTo("AB12CD34");
        assertThat(GroupedCode.of(" ab12-cd34 ")).isEqualTo("AB12CD34");
        assertThat(GroupedCode.of("ab 12 cd 34")).isEqualTo("AB12CD34");
        assertThat(GroupedCode.of("AB12\u00A0CD34")).isEqualTo("AB12CD34");
        assertThat(GroupedCode.of("ab12\u2013cd34")).isEqualTo("AB12CD34");
    }

    @Test
    void anythingElseGivesNone() {
        assertThat(GroupedCode.of(null)).isNull();
        assertThat(GroupedCode.of("AB12CD34")).as("found as typed").isNull();
        assertThat(GroupedCode.of("AB12 CD3")).as("part of a code").isNull();
        assertThat(GroupedCode.of("AB12 CD345")).isNull();
        assertThat(GroupedCode.of("Lobby screens")).isNull();
        assertThat(GroupedCode.of("écran 123")).isNull();
        assertThat(GroupedCode.of("AB12_CD34")).isNull();
        assertThat(GroupedCode.of("   ")).isNull();
    }
}

package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The APIs' waits in English words: seconds under a minute, whole minutes rounded up from a minute on. */
class WaitInWordsTests {

    @Test
    void saysAWaitInEnglishWordsForTheApis() {
        assertThat(WaitInWords.inEnglish(0)).isEqualTo("1 second");
        assertThat(WaitInWords.inEnglish(1)).isEqualTo("1 second");
        assertThat(WaitInWords.inEnglish(45)).isEqualTo("45 seconds");
        assertThat(WaitInWords.inEnglish(59)).isEqualTo("59 seconds");
        assertThat(WaitInWords.inEnglish(60)).isEqualTo("1 minute");
        assertThat(WaitInWords.inEnglish(61)).isEqualTo("2 minutes");
        assertThat(WaitInWords.inEnglish(846)).isEqualTo("15 minutes");
        assertThat(WaitInWords.inEnglish(900)).isEqualTo("15 minutes");
    }
}

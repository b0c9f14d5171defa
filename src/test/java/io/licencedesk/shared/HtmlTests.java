package io.licencedesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTests {

    @Test
    void escapesWhatCouldBecomeMarkupAndKeepsTheRest() {
        assertThat(Html.escape("<b>Tom & \"Jerry's\"</b> Zażółć 😀"))
                .isEqualTo("&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt; Zażółć 😀");
        assertThat(Html.escape(null)).isEmpty();
    }
}

package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/** What a form page shows beside its fields: each message beside its own field, and no other field marked. */
final class FieldErrors {

    private static final Pattern ANY_ERROR = Pattern.compile("id=\"(\\w+)-error\"[^>]*>\\s*\\S");

    private FieldErrors() {}

    /** Posts the form and expects it back with exactly these fields marked, each with (at least) its message. */
    static void expectExactly(MockMvc mvc, MockHttpServletRequestBuilder post, Map<String, String> messages)
            throws Exception {
        String page = mvc.perform(post)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        messages.forEach((field, message) -> assertThat(page)
                .as(field)
                .containsPattern(
                        "id=\"" + field + "-error\"[^>]*>\\s*" + Pattern.quote(HtmlUtils.htmlEscape(message))));
        assertThat(ANY_ERROR.matcher(page).results().map(found -> found.group(1)))
                .as("the fields marked")
                .containsExactlyInAnyOrderElementsOf(messages.keySet());
    }
}

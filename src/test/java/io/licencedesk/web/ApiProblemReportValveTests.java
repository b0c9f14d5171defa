package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The problem the valve writes for a request Tomcat refused is JSON that reads back as it was meant. */
class ApiProblemReportValveTests {

    @Test
    void writesQuotesBackslashesAndControlCharactersAsValidJson() {
        String detail = "A \"quoted\" C:\\path, a tab\there,\na new line and a bell \u0007.";
        var problem = ApiProblemWriter.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad \"request\"", detail);

        JsonNode read = JsonMapper.shared().readTree(ApiProblemReportValve.json(problem));

        assertThat(read.get("type").asString()).isEqualTo("https://licencedesk.io/problems/bad-request");
        assertThat(read.get("title").asString()).isEqualTo("Bad \"request\"");
        assertThat(read.get("status").asInt()).isEqualTo(400);
        assertThat(read.get("detail").asString()).isEqualTo(detail);
        assertThat(read.properties()).hasSize(4);
    }

    @Test
    void namesThePathSentAsTheInstanceEvenWhenItIsNoUri() {
        var problem = ApiProblemWriter.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", "Unreadable.");
        problem.setInstance(ApiProblemWriter.instance("/api/v1/licences/%00"));
        assertThat(JsonMapper.shared()
                        .readTree(ApiProblemReportValve.json(problem))
                        .get("instance")
                        .asString())
                .isEqualTo("/api/v1/licences/%00");

        assertThat(ApiProblemWriter.instance("/api/v1/a b\"c")).hasToString("/api/v1/a%20b%22c");
        assertThat(ApiProblemWriter.instance("")).isNull();
    }
}

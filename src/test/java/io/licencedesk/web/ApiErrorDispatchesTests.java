package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A status the container set that has no problem of its own is answered with the type's one title, the same as
 * everywhere else the type is made (ProblemTypesTests reads the others from the sources): it was the status's reason
 * phrase, "Internal Server Error" where a controller's internal problem says "Internal error", and "Request Timeout"
 * for a bad-request.
 */
class ApiErrorDispatchesTests {

    @Test
    void answersAServerErrorAsInternalAndAnyOtherStatusAsBadRequestWithTheirOneTitle() {
        for (int status : new int[] {500, 502, 504}) {
            var problem = ApiErrorDispatches.problemFor(status, "GET");
            assertThat(problem.getType()).hasToString("https://licencedesk.io/problems/internal");
            assertThat(problem.getTitle()).isEqualTo("Internal error");
            assertThat(problem.getStatus()).isEqualTo(status);
            assertThat(problem.getDetail()).isEqualTo("Something went wrong on our side; it has been logged.");
        }
        for (int status : new int[] {408, 414, 431}) {
            var problem = ApiErrorDispatches.problemFor(status, "GET");
            assertThat(problem.getType()).hasToString("https://licencedesk.io/problems/bad-request");
            assertThat(problem.getTitle()).isEqualTo("Bad request");
            assertThat(problem.getStatus()).isEqualTo(status);
        }
        assertThat(ApiErrorDispatches.problemFor(999, "GET").getStatus()).isEqualTo(400);
    }

    /** A path refused as sent is under /api when the path it stands for is, however many slashes lead to it. */
    @Test
    void readsAPathUnderApiThroughEmptyAndDotSegments() {
        assertThat(ApiErrorDispatches.underApi("//api/v1/licences")).isTrue();
        assertThat(ApiErrorDispatches.underApi("/.//api")).isTrue();
        assertThat(ApiErrorDispatches.underApi("/api/v1//plans")).isTrue();
        assertThat(ApiErrorDispatches.underApi("//licences")).isFalse();
        assertThat(ApiErrorDispatches.underApi("/apiv1")).isFalse();
        assertThat(ApiErrorDispatches.underApi("/portal//api/x")).isFalse();
    }
}

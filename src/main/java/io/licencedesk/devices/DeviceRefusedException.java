package io.licencedesk.devices;

import org.springframework.http.HttpStatus;

/** The device API refuses the request; the problem type and status are documented in docs/device-api.md. */
class DeviceRefusedException extends RuntimeException {

    enum Problem {
        UNKNOWN_CREDENTIAL(HttpStatus.UNAUTHORIZED, "unknown-credential", "Unknown device credential"),
        CREDENTIAL_REVOKED(HttpStatus.FORBIDDEN, "credential-revoked", "Screen removed"),
        LICENCE_PAUSED(HttpStatus.CONFLICT, "licence-paused", "Licence paused"),
        LICENCE_EXPIRED(HttpStatus.CONFLICT, "licence-expired", "Licence expired"),
        LICENCE_DEACTIVATED(HttpStatus.CONFLICT, "licence-deactivated", "Licence deactivated"),
        SEATS_TAKEN(HttpStatus.CONFLICT, "seats-taken", "All seats taken");

        final HttpStatus status;
        final String slug;
        final String title;

        Problem(HttpStatus status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }
    }

    private final Problem problem;

    DeviceRefusedException(Problem problem, String detail) {
        super(detail);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}

package io.licencedesk.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The answer of a request with an Idempotency-Key, held until its key has kept it. An answer sent as an error
 * ({@code sendError}) is written by the error page after the filters return, so there is nothing here to keep.
 */
final class RecordedAnswer extends ContentCachingResponseWrapper {

    private boolean errorSent;

    RecordedAnswer(HttpServletResponse response) {
        super(response);
    }

    boolean errorSent() {
        return errorSent;
    }

    @Override
    public void sendError(int status) throws IOException {
        errorSent = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        errorSent = true;
        super.sendError(status, message);
    }
}

package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;

/**
 * A file sent by a page's own form, as a browser without JavaScript sends it (multipart/form-data), read as it
 * arrives: its name, the type the browser gave it and its content. The server parses no other multipart body
 * (application.properties); {@link FormUploadFilter} reads this one for staff signed in, so that the form's CSRF
 * token, which comes before the file, is checked before any of the file is read (decision 0133).
 *
 * @param name the file's name as the browser gave it, empty when no file was chosen
 * @param contentType the type the browser gave the file, or null
 * @param content the file's bytes, read once, as they arrive
 */
public record FormUpload(String name, String contentType, InputStream content) {

    static final String ATTRIBUTE = FormUpload.class.getName();

    /** The file of a form upload, or null when the request is not one (a script sends the file as the body). */
    public static FormUpload of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof FormUploadFilter.Parsed parsed ? parsed.file() : null;
    }

    /** Whether the request came as a page's multipart form, with or without a file in it. */
    public static boolean sent(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof FormUploadFilter.Parsed;
    }
}

package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * A request from one of the pages' scripts (app.js's fetches ask for {@code Accept: application/json} alone), as
 * opposed to a person's browser, which asks for a page ({@code text/html} or anything). The scripts are answered the
 * RFC 9457 problems they can read (decisions 0088, 0094); a person gets the sign-in page or the error page.
 *
 * <p>What counts is the type the request prefers: JSON, by its quality value, before any other type but the wildcard
 * (which a script adds and which says nothing). Spring Security's matcher compared the types with their parameters,
 * so {@code application/json;q=0.9, text/html;q=0.1}, which prefers JSON, was taken for a person's browser because of
 * its {@code q}; a type of quality 0 is one the request refuses.
 */
public final class ScriptRequests {

    private ScriptRequests() {}

    public static boolean isScript(HttpServletRequest request) {
        List<MediaType> accepted = accepted(request);
        accepted.removeIf(type -> type.getQualityValue() == 0 || type.equalsTypeAndSubtype(MediaType.ALL));
        if (accepted.isEmpty()) {
            return false;
        }
        // Among types of one quality the more specific first (text/html before text/*), then the order sent.
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        return accepted.get(0).equalsTypeAndSubtype(MediaType.APPLICATION_JSON);
    }

    /** The types of every Accept header, as sent; none when they cannot be read (nor can a script's). */
    private static List<MediaType> accepted(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Accept"));
        try {
            List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(headers));
            MimeTypeUtils.sortBySpecificity(types);
            return types;
        } catch (IllegalArgumentException unreadable) {
            return new ArrayList<>();
        }
    }
}

package io.licencedesk.shared;

/**
 * A request's Content-Type with a wildcard ({@code *}/{@code *}, {@code application/*}) names no format a body can
 * be read as. Spring MVC throws an IllegalArgumentException (a 500) when it reads the headers of such a request,
 * so the channels refuse it (415) before anything reads the body.
 */
public final class WildcardContentType {

    private WildcardContentType() {}

    public static boolean in(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).indexOf('*') >= 0;
    }
}

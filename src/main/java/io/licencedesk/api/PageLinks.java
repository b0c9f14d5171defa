package io.licencedesk.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The RFC 8288 {@code Link} header of every page of a list the REST API answers (decision 0144), in this one place
 * rather than in each list's handler: {@code first}, {@code prev} and {@code next} where there is one, and {@code
 * last} where the list knows its total. Each is the address of the request, as an absolute path, with every query
 * parameter it had (filters, sort, search, limit) and only its page changed, so that a program follows {@code next}
 * without rebuilding a query.
 */
@RestControllerAdvice(annotations = RestApi.class)
class PageLinks implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true; // a handler declared ResponseEntity<?> (the portal's screens) answers a page or an array
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof PagedAnswer page && request instanceof ServletServerHttpRequest servlet) {
            String links = header(servlet.getServletRequest(), page.links());
            if (!links.isEmpty()) {
                response.getHeaders().set(HttpHeaders.LINK, links);
            }
        }
        return body;
    }

    /** The Link header's value: each page's address, {@code </api/v1/clients?q=a%20b&page=2>; rel="next"}. */
    static String header(HttpServletRequest request, List<PagedAnswer.PageLink> links) {
        return links.stream()
                .map(link -> "<" + request.getRequestURI() + queryString(request.getParameterMap(), link.parameters())
                        + ">; rel=\"" + link.rel() + "\"")
                .collect(Collectors.joining(", "));
    }

    /**
     * The query with the page's parameters changed where the request had them, added at the end where it did not,
     * and left out where the page sets them to null; every other parameter as the server read it (decoded, in the
     * request's order), encoded again in one spelling.
     */
    private static String queryString(Map<String, String[]> query, Map<String, String> changes) {
        Map<String, String> pending = new LinkedHashMap<>(changes);
        StringBuilder text = new StringBuilder();
        query.forEach((name, values) -> {
            if (!changes.containsKey(name)) {
                for (String value : values) {
                    append(text, name, value);
                }
            } else if (pending.containsKey(name)) {
                append(text, name, pending.remove(name));
            }
        });
        pending.forEach((name, value) -> append(text, name, value));
        return text.toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (value == null) {
            return;
        }
        text.append(text.isEmpty() ? '?' : '&').append(encode(name)).append('=').append(encode(value));
    }

    /**
     * RFC 3986's percent-encoding of a query's name or value: every byte of its UTF-8 but the unreserved characters,
     * so that a space, {@code &}, {@code =}, {@code +}, {@code %}, {@code ,}, {@code ;} or {@code >} in a search reads
     * back as itself and cannot end the parameter, the address or the header's link.
     */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append("%%%02X".formatted(c));
            }
        }
        return encoded.toString();
    }
}

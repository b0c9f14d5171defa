package io.licencedesk.web;

import static io.licencedesk.web.HandlerRoutes.fields;
import static io.licencedesk.web.HandlerRoutes.path;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.licencedesk.web.BadInputFixture.Target;
import io.licencedesk.web.HandlerRoutes.Input;
import io.licencedesk.web.HandlerRoutes.Route;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.ClassUtils;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request to a route, first filled with values a well-meaning caller would send (every form field valid, so that
 * the one made bad is what is tested), then changed by a {@link BadInputs bad input}.
 */
final class BadRequest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final Target target;
    final Map<String, String> path;
    /** Parameters (query or form fields) in order; a name may come twice. */
    final List<Map.Entry<String, String>> params = new ArrayList<>();

    final Map<String, String> headers = new LinkedHashMap<>();
    /** The JSON body's fields, for a route that reads one. */
    final Map<String, Object> json;
    /** Appended to the path as it is, already percent-encoded. */
    String query;
    /** Sends the parameters as a form body (bytes) rather than as ready-made servlet parameters. */
    boolean formBody;

    String contentType;
    byte[] body;

    BadRequest(BadInputFixture fixture, Target target) {
        this.target = target;
        this.path = fixture.pathVariables(target);
        Route route = target.route();
        for (Input input : route.inputs()) {
            String value = plausible(fixture, input);
            if (value != null && input.header()) {
                headers.put(input.name(), value);
            } else if (value != null) {
                params.add(Map.entry(input.name(), value));
            }
        }
        if (target.sender().authorization() != null) {
            headers.putIfAbsent("Authorization", target.sender().authorization());
        } else {
            headers.put("Accept", BROWSER);
        }
        if (route.body() != null) {
            json = new LinkedHashMap<>();
            fields(route.body()).forEach(field -> json.put(field.name(), plausible(fixture, field)));
        } else {
            json = null;
        }
    }

    /** Sets a parameter (replacing its value) or a JSON field. */
    void set(String name, String value) {
        if (json != null && json.containsKey(name)) {
            json.put(name, value);
            return;
        }
        params.removeIf(param -> param.getKey().equals(name));
        params.add(Map.entry(name, value));
    }

    void rename(String name, String newName) {
        params.replaceAll(param -> param.getKey().equals(name) ? Map.entry(newName, param.getValue()) : param);
    }

    String value(String name) {
        return params.stream()
                .filter(param -> param.getKey().equals(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("x");
    }

    /** The parameters as an application/x-www-form-urlencoded body or query string. */
    String encodedParams() {
        return params.stream()
                .map(param -> encode(param.getKey()) + "=" + encode(param.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String text) {
        return UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8)
                .replace("&", "%26")
                .replace("=", "%3D");
    }

    MockHttpServletRequestBuilder build() {
        Route route = target.route();
        String uri = path(route, path) + (query == null ? "" : "?" + query);
        var request = MockMvcRequestBuilders.request(route.method(), URI.create(uri))
                .with(target.sender().auth());
        if (!BadInputFixture.isGet(route)) {
            request.with(csrf());
        }
        byte[] content = body;
        String type = contentType;
        if (content == null && formBody) {
            content = encodedParams().getBytes(StandardCharsets.UTF_8);
        } else if (content == null && json != null) {
            content = JSON.writeValueAsBytes(json);
        }
        if (type == null && content != null) {
            type = formBody ? FORM : json != null ? "application/json" : null;
        }
        if (!formBody) {
            params.forEach(param -> request.param(param.getKey(), param.getValue()));
        }
        headers.forEach(request::header);
        if (content != null) {
            request.content(content);
        }
        if (type != null && !type.isEmpty()) {
            request.header("Content-Type", type);
        }
        return request;
    }

    /** The device API is reached over HTTP, as devices do; the pages through MockMvc. */
    boolean overHttp() {
        return target.route().pattern().startsWith("/api/");
    }

    /** Sends this request to the running server as it is: path, query, headers, Content-Type and body bytes. */
    Answer exchange(int port) {
        Route route = target.route();
        byte[] content = body != null ? body : json != null ? JSON.writeValueAsBytes(json) : new byte[0];
        String type = contentType != null ? contentType : body == null && json != null ? "application/json" : null;
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path(route, path) + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30))
                .method(route.method().name(), HttpRequest.BodyPublishers.ofByteArray(content));
        headers.forEach(request::header);
        if (type != null && !type.isEmpty()) {
            request.header("Content-Type", type);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), null, null, null);
        } catch (IOException failed) {
            return Answer.thrown(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** What the server answered; a thrown exception is what the servlet container turns into a 500. */
    record Answer(int status, String body, Throwable exception, String redirect, Object toastKind) {

        static Answer thrown(Exception thrown) {
            return new Answer(500, "", NestedExceptionUtils.getMostSpecificCause(thrown), null, null);
        }

        /** A 4xx, a page that shows a form's errors again, or a redirect that carries an error message. */
        boolean refusal() {
            return (status >= 400 && status < 500)
                    || body.contains("is-invalid")
                    || body.contains("invalid-feedback d-block")
                    || "danger".equals(toastKind);
        }

        String cause() {
            return exception == null
                    ? "over HTTP: its exception is in the server's log"
                    : exception.getClass().getName() + ": " + exception.getMessage();
        }
    }

    /** A value that passes validation, or null for an optional input that has no value valid everywhere. */
    static String plausible(BadInputFixture fixture, Input input) {
        Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(input.type());
        String known = fixture.id(input.name());
        if (known != null && (Number.class.isAssignableFrom(type) || type == String.class)) {
            return known;
        }
        if (type == Boolean.class) {
            return "true";
        }
        if (type == BigDecimal.class) {
            return "10.00";
        }
        if (type == LocalDate.class) {
            return fixture.today.toString();
        }
        String value = switch (input.name()) {
            case "email", "senderEmail" -> "bad-input-" + UNIQUE.incrementAndGet() + "@example.test";
            case "name", "legalName", "senderName" -> "Plausible " + UNIQUE.incrementAndGet();
            case "note", "company", "billingAddress", "address", "reference", "reason", "q", "code" -> "Plausible";
            case "vatNumber" -> "GB123456789";
            case "term" -> "P1M";
            case "currency" -> "EUR";
            case "invoicePrefix" -> "HOS";
            case "vatRate" -> "20";
            case "unitPrice" -> "10.00";
            case "quantity" -> "1";
            case "paymentTermsDays", "expiringSoonDays" -> "30";
            case "paidOn" -> fixture.today.toString();
            case "access" -> "READ_ONLY";
            case "expiresOn" -> fixture.today.plusDays(30).toString();
            case "password", "newPassword", "confirmation", "currentPassword" -> "Plausible-password-1";
            case "Referer" -> "/licences";
            case "fingerprint" -> "player-bad-input";
            case "nonce" -> "nonce-" + UNIQUE.incrementAndGet();
            case "page" -> "1";
            default -> null;
        };
        if (value == null && Number.class.isAssignableFrom(type) && input.required()) {
            return "1";
        }
        return value != null || !input.required() ? value : "Plausible";
    }
}

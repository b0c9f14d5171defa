package io.licencedesk.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 to the running test server over a plain socket, one request a connection, written byte for byte so that
 * no client on the way cleans it up: a request target as sent (not re-encoded), any method, a chunked body. For what
 * the servlet container parses itself and MockMvc therefore cannot send.
 */
public final class RawHttp {

    /** An answer: its status line's code, its headers (names in lower case) and its body, decoded as UTF-8. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /**
     * Sends one request and reads its whole answer; the body, if any, is sent as UTF-8 with its Content-Length,
     * unless the headers say Transfer-Encoding (then it is sent as given, e.g. {@link #chunked(String)}).
     */
    public Answer exchange(String method, String target, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (bytes != null && !headers.containsKey("Transfer-Encoding")) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (bytes != null) {
                out.write(bytes);
            }
            out.flush();
            // One character per byte, so that chunk sizes count characters; the body is decoded as UTF-8 at the end.
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    /** The body in chunks of 4 KiB, as sent with {@code Transfer-Encoding: chunked}. */
    public static String chunked(String body) {
        var chunks = new StringBuilder();
        for (int start = 0; start < body.length(); start += 4096) {
            String chunk = body.substring(start, Math.min(body.length(), start + 4096));
            chunks.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString();
    }

    /** A header sent more than once keeps its first value, but for a session cookie, which wins over others. */
    static Answer parse(String answer) throws IOException {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("Incomplete answer: " + answer);
        }
        String[] lines = answer.substring(0, end).split("\r\n");
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(
                    lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(),
                    (first, second) -> second.startsWith("SESSION=") ? second : first);
        }
        String body = answer.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunked(body);
        }
        return new Answer(
                Integer.parseInt(lines[0].split(" ")[1]),
                headers,
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunked(String body) {
        var joined = new StringBuilder();
        for (int at = 0, lineEnd; (lineEnd = body.indexOf("\r\n", at)) > at; ) {
            int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            joined.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
            at = lineEnd + 4 + size;
        }
        return joined.toString();
    }
}

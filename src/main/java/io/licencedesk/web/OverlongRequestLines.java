package io.licencedesk.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11InputBuffer;

/**
 * The path of a request line Tomcat refused as longer than its buffer (8 KB), read from the bytes it had read: Tomcat
 * names no address then, and the problem had no {@code instance}, unlike every other problem of the API. An address
 * gets that long through its query (search words, filters), so the path before the {@code ?} is there whole; when the
 * path itself is cut off, there is none to name.
 */
final class OverlongRequestLines {

    private OverlongRequestLines() {}

    /** The path as sent, undecoded, without its query; null when the bytes read do not hold it whole. */
    static String path(Request request) {
        if (!(request.getInputBuffer() instanceof Http11InputBuffer input) || input.getByteBuffer() == null) {
            return null;
        }
        ByteBuffer read = input.getByteBuffer();
        byte[] line = new byte[read.limit()];
        read.get(0, line);
        return path(line);
    }

    /** From "GET /api/v1/licences?q=… HTTP/1.1" as far as it was read: "/api/v1/licences". */
    static String path(byte[] line) {
        int at = 0;
        while (at < line.length && (line[at] == '\r' || line[at] == '\n')) {
            at++;
        }
        while (at < line.length && line[at] != ' ') {
            at++; // the method
        }
        while (at < line.length && line[at] == ' ') {
            at++;
        }
        int start = at;
        while (at < line.length && line[at] != '?' && line[at] != ' ' && line[at] != '\r' && line[at] != '\n') {
            at++;
        }
        boolean whole = at < line.length && line[at] != '\r' && line[at] != '\n';
        if (!whole || at == start || line[start] != '/') {
            return null;
        }
        return new String(line, start, at - start, StandardCharsets.ISO_8859_1);
    }
}

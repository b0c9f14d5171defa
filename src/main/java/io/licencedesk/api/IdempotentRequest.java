package io.licencedesk.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A POST sent with an Idempotency-Key, its body read before it runs: the hash of its method, address and body tells
 * a retry from another request with the same key, and the request goes on to read the same body.
 */
final class IdempotentRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final String hash;

    private IdempotentRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
        this.hash = hash(request, body);
    }

    /** The request with its body read, or null when the body is longer than the most allowed. */
    static IdempotentRequest read(HttpServletRequest request, int maxBodyBytes) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return null;
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : new IdempotentRequest(request, body);
    }

    /** 1 to 255 printable ASCII characters, as Stripe takes them; a UUID fits. */
    static boolean validKey(String key) {
        return !key.isBlank()
                && key.length() <= IdempotencyFilter.MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    /** The SHA-256 (hex) of the method, the address with its query and the body. */
    String hash() {
        return hash;
    }

    @Override
    public ServletInputStream getInputStream() {
        var in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("The body was read already");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    private Charset charset() throws UnsupportedEncodingException {
        String name = getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw new UnsupportedEncodingException(name);
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        String query = request.getQueryString();
        String target = request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query) + "\n";
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}

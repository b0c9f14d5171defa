package io.licencedesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a page's multipart form (the licence import's, posted by a browser without JavaScript) as it streams in,
 * placed before the CSRF filter: the short fields before the file (the form's {@code _csrf} token first) become the
 * request's parameters, and the file stays in the body, unread, for the controller ({@link FormUpload}).
 *
 * <p>Spring Security's two documented ways were worse here (decision 0133): a multipart parser before security
 * writes any visitor's upload, up to the import's 1 GB, to a temporary file before anything is checked; the token in
 * the form's address is written to access logs and proxies. This filter reads nothing unless a member of staff is
 * signed in, and then only the fields before the file (a few kilobytes at most) before the token is checked.
 */
final class FormUploadFilter extends OncePerRequestFilter {

    /** The fields before the file: the CSRF token is 36 to 100 characters; anything longer is not the page's form. */
    private static final int FIELD_LIMIT = 1024;

    private static final int FIELDS_LIMIT = 8;

    private static final Set<String> STAFF = Set.of("ROLE_OWNER", "ROLE_MANAGER");

    private final Set<String> paths;

    FormUploadFilter(String... paths) {
        this.paths = Set.of(paths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !HttpMethod.POST.matches(request.getMethod())
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !paths.contains(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                || !staff(SecurityContextHolder.getContext().getAuthentication());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Parsed parsed = Parsed.read(request);
        request.setAttribute(FormUpload.ATTRIBUTE, parsed);
        chain.doFilter(new WithFields(request, parsed.fields()), response);
    }

    private static boolean staff(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(STAFF::contains);
    }

    /** The fields read before the file, and the file (null when the form had none, or could not be read). */
    record Parsed(Map<String, String> fields, FormUpload file) {

        static Parsed read(HttpServletRequest request) {
            Map<String, String> fields = new LinkedHashMap<>();
            try {
                FileItemIterator items = new FileUpload().getItemIterator(new ServletRequestContext(request));
                while (items.hasNext() && fields.size() < FIELDS_LIMIT) {
                    FileItemStream item = items.next();
                    if (!item.isFormField()) {
                        String name = item.getName() == null ? "" : item.getName();
                        return new Parsed(fields, new FormUpload(name, item.getContentType(), item.openStream()));
                    }
                    String value = shortText(item.openStream());
                    if (value == null) {
                        break;
                    }
                    fields.putIfAbsent(item.getFieldName(), value);
                }
            } catch (IOException | RuntimeException unreadable) {
                // A body that is not the form it says (no boundary, cut short, a field too long): no fields, so no
                // token, and the CSRF filter refuses it as it refuses any form without one.
                return new Parsed(Map.of(), null);
            }
            return new Parsed(fields, null);
        }

        private static String shortText(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[256];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                if (out.size() > FIELD_LIMIT) {
                    return null;
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The request with the form's short fields as parameters, beside those of its address. */
    private static final class WithFields extends HttpServletRequestWrapper {

        private final Map<String, String> fields;

        WithFields(HttpServletRequest request, Map<String, String> fields) {
            super(request);
            this.fields = fields;
        }

        @Override
        public String getParameter(String name) {
            String field = fields.get(name);
            return field != null ? field : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            String field = fields.get(name);
            return field != null ? new String[] {field} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> all = new LinkedHashMap<>(super.getParameterMap());
            fields.forEach((name, value) -> all.putIfAbsent(name, new String[] {value}));
            return Collections.unmodifiableMap(all);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getParameterNames()));
            names.addAll(fields.keySet());
            return Collections.enumeration(names);
        }
    }
}

package io.licencedesk.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Under /api, a request that accepts {@code application/problem+json} accepts {@code application/json} too, at the same
 * quality: problem+json is JSON, and a client that says it reads the API's problems reads its resources. A GET that
 * succeeded was answered 406 to such a client, which has no other way to say "JSON, and problems too" than listing
 * both. A type at {@code q=0} is not accepted at all (RFC 9110). Any other {@code Accept} is negotiated as Spring does:
 * one that nothing matches is a 406 problem. Elsewhere (the console, the portal) nothing changes.
 */
@Configuration(proxyBeanMethods = false)
class ProblemJsonAcceptsJson implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(ProblemJsonAcceptsJson::resolveMediaTypes));
    }

    private static final ContentNegotiationStrategy HEADER = new HeaderContentNegotiationStrategy();

    private static final List<MediaType> NOTHING_BUT_ITS_PROBLEM = List.of(MediaType.APPLICATION_PROBLEM_JSON);

    private static List<MediaType> resolveMediaTypes(NativeWebRequest request)
            throws HttpMediaTypeNotAcceptableException {
        if (!underApi(request)) {
            return HEADER.resolveMediaTypes(request);
        }
        // q=0 says "not this one" (RFC 9110); Spring reads it as any other quality and answered JSON to it.
        List<MediaType> accepted = HEADER.resolveMediaTypes(request).stream()
                .filter(type -> type.getQualityValue() > 0)
                .toList();
        if (accepted.isEmpty()) {
            return NOTHING_BUT_ITS_PROBLEM; // no operation matches, and the 406 can still be said
        }
        if (accepted.stream().anyMatch(type -> type.includes(MediaType.APPLICATION_JSON))) {
            return accepted;
        }
        List<MediaType> widened = new ArrayList<>(accepted.size() + 1);
        for (MediaType type : accepted) {
            widened.add(type);
            if (type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)) {
                widened.add(new MediaType(MediaType.APPLICATION_JSON, type.getParameters()));
            }
        }
        return widened;
    }

    private static boolean underApi(NativeWebRequest request) {
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        return servlet != null && servlet.getRequestURI().startsWith("/api/");
    }
}

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
 * both. Any other {@code Accept} is negotiated as Spring does: one that nothing matches is a 406 problem. Elsewhere
 * (the console, the portal) nothing changes.
 */
@Configuration(proxyBeanMethods = false)
class ProblemJsonAcceptsJson implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(ProblemJsonAcceptsJson::resolveMediaTypes));
    }

    private static final ContentNegotiationStrategy HEADER = new HeaderContentNegotiationStrategy();

    private static List<MediaType> resolveMediaTypes(NativeWebRequest request)
            throws HttpMediaTypeNotAcceptableException {
        List<MediaType> accepted = HEADER.resolveMediaTypes(request);
        if (!underApi(request) || accepted.stream().anyMatch(type -> type.includes(MediaType.APPLICATION_JSON))) {
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

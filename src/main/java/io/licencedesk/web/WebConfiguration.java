package io.licencedesk.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Static files are served only from addresses that carry their version (WebJars by theirs, decision 0013; our own
 * files by a hash of their content, StaticAssets), so browsers may keep them for a year without asking again. Boot's
 * own mappings are off (spring.web.resources.add-mappings): they served every static file, unversioned, at /**. The
 * exceptions are the few addresses a browser or a robot asks for at the root by itself, kept a day: robots.txt and the
 * icons (decision 0171).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private static final CacheControl FOR_A_YEAR =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /**
     * The addresses a browser or a robot asks for by itself at the site's root, which carry no version: the icons
     * (decision 0171) and robots.txt.
     */
    private static final CacheControl FOR_A_DAY =
            CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final StaticAssets assets;

    WebConfiguration(StaticAssets assets) {
        this.assets = assets;
    }

    /** The language of each page (decision 0053); the bean's name is the one the DispatcherServlet looks for. */
    @Bean
    LocaleResolver localeResolver() {
        return new UserLocaleResolver();
    }

    /**
     * {@code ?lang=fr} on any page's address switches the language, before signing in too (kept in a cookie), ahead of
     * Spring Security's filters so that a refusal's page speaks it too (decision 0151); the interceptor below takes a
     * {@code lang} the query did not name (a form's field), as it took every one before.
     */
    @Bean
    FilterRegistrationBean<LanguageSwitch> languageSwitch(LocaleResolver localeResolver) {
        var registration = new FilterRegistrationBean<>(new LanguageSwitch(localeResolver));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        // After CallerAddresses, which says whether the request came over HTTPS (the cookie is Secure then).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var switcher = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                return LanguageSwitch.switched(request) || super.preHandle(request, response, handler);
            }
        };
        switcher.setParamName(LanguageSwitch.PARAMETER);
        switcher.setIgnoreInvalidLocale(true);
        registry.addInterceptor(switcher);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(FOR_A_YEAR);
        registry.addResourceHandler(assets.pathPattern())
                .addResourceLocations(StaticAssets.LOCATION)
                .setCacheControl(FOR_A_YEAR);
        registry.addResourceHandler("/robots.txt", "/favicon.ico", "/apple-touch-icon.png")
                .addResourceLocations(StaticAssets.LOCATION)
                .setCacheControl(FOR_A_DAY);
        // The older name iOS asks for when a page names no touch icon (a PDF, a JSON answer): the same picture.
        registry.addResourceHandler("/apple-touch-icon-precomposed.png")
                .addResourceLocations(StaticAssets.LOCATION)
                .setCacheControl(FOR_A_DAY)
                .resourceChain(false)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String resourcePath, Resource location) throws IOException {
                        return super.getResource("apple-touch-icon.png", location);
                    }
                });
    }
}

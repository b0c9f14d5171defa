package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.accounts.TestOrganisations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Static files on the running server: at addresses that carry their version, cached for a year and compressed;
 * signed-in pages are kept out of every cache. Over real HTTP, because compression is the servlet container's and
 * the cache headers are the last word of Spring Security's filters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class StaticAssetsIntegrationTests {

    static final String FOR_A_YEAR = "max-age=31536000, public, immutable";
    static final String WEBJAR_CSS = "/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css";

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    StaticAssets assets;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    UserDetailsService users;

    @Test
    void pagesLinkTheApplicationsOwnFilesByTheHashOfTheirContent() throws Exception {
        String version = StaticAssets.versionOf(StaticAssets.LOCATION);
        assertThat(assets.getVersion()).isEqualTo(version).hasSize(12);

        String page = send("/login", "identity").body();

        for (String file : new String[] {"/css/app.css", "/js/app.js", "/favicon.svg"}) {
            assertThat(page).contains("\"/assets/" + version + file + "\"");
            assertThat(send("/assets/" + version + file, "identity").statusCode())
                    .as(file)
                    .isEqualTo(200);
        }
    }

    @Test
    void letsBrowsersKeepVersionedFilesForAYear() throws Exception {
        for (String path : new String[] {
            "/assets/" + assets.getVersion() + "/css/app.css",
            "/assets/" + assets.getVersion() + "/js/app.js",
            "/assets/" + assets.getVersion() + "/favicon.svg",
            WEBJAR_CSS,
            "/webjars/tom-select/2.4.3/dist/js/tom-select.complete.min.js",
            "/assets/" + assets.getVersion() + "/js/dashboard.js",
            "/webjars/echarts/5.3.1/dist/echarts.min.js"
        }) {
            var response = send(path, "identity");

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("Cache-Control")).as(path).containsExactly(FOR_A_YEAR);
            assertThat(response.headers().firstValue("Pragma")).as(path).isEmpty();
        }
    }

    @Test
    void doesNotServeAnotherVersionsAddress() throws Exception {
        var response = send("/assets/000000000000/css/app.css", "identity");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().allValues("Cache-Control")).noneMatch(value -> value.contains("immutable"));
    }

    @Test
    void keepsSignedInPagesOutOfEveryCache() throws Exception {
        String manager = organisations.create().manager().email();

        var page = mvc.perform(get("/licences").with(user(users.loadUserByUsername(manager))))
                .andReturn()
                .getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void compressesTextForABrowserThatAsksForIt() throws Exception {
        String version = assets.getVersion();
        for (String[] file : new String[][] {
            {"/assets/" + version + "/css/app.css", "static/css/app.css"},
            {"/assets/" + version + "/js/app.js", "static/js/app.js"},
            {WEBJAR_CSS, "META-INF/resources/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css"}
        }) {
            var response = send(file[0], "gzip, deflate, br");

            assertThat(response.headers().firstValue("Content-Encoding"))
                    .as(file[0])
                    .hasValue("gzip");
            byte[] original = new ClassPathResource(file[1]).getContentAsByteArray();
            assertThat(gunzip(response.bodyAsBytes())).as(file[0]).isEqualTo(original);
            assertThat(response.bodyAsBytes().length).as(file[0]).isLessThan(original.length / 2);
        }
        assertThat(send("/login", "gzip").headers().firstValue("Content-Encoding"))
                .hasValue("gzip");
    }

    @Test
    void tellsRobotsToStayOutWithoutAskingThemToSignIn() throws Exception {
        var response = send("/robots.txt", "identity");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("User-agent: *").contains("Disallow: /");
    }

    Response send(String path, String acceptEncoding) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", acceptEncoding)
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response);
    }

    static byte[] gunzip(byte[] compressed) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    record Response(HttpResponse<byte[]> raw) {
        int statusCode() {
            return raw.statusCode();
        }

        java.net.http.HttpHeaders headers() {
            return raw.headers();
        }

        byte[] bodyAsBytes() {
            return raw.body();
        }

        String body() {
            return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}

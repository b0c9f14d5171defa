package io.licencedesk.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the main list is asked for: the console's HTML page, signed in with a session cookie, or the REST API's
 * JSON, with a bearer token. The cases are the same; what differs is the address, the client and how a page's
 * licences are read.
 */
interface ListSurface {

    /** "console" or "API", as the output names it. */
    String name();

    /** The answer's format, as the output names it. */
    String format();

    /** The address of the case's page at this page size. */
    String path(BenchCase benchCase, int size);

    HttpResponse<String> get(String path) throws IOException, InterruptedException;

    /** The page's coupon codes, in order. */
    List<String> codes(String body);

    /** The address as Micrometer's {@code uri} tag names it. */
    String serverUri();

    static ListSurface console(ConsoleClient client) {
        return new Console(client);
    }

    static ListSurface api(ApiClient client) {
        return new Api(client);
    }

    record Console(ConsoleClient client) implements ListSurface {

        private static final Pattern CODE = Pattern.compile("data-copy=\"([A-Z0-9]{8})\"");

        @Override
        public String name() {
            return "console";
        }

        @Override
        public String format() {
            return "HTML";
        }

        @Override
        public String path(BenchCase benchCase, int size) {
            return benchCase.path(size);
        }

        @Override
        public HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.get(path);
        }

        @Override
        public List<String> codes(String body) {
            return CODE.matcher(body).results().map(m -> m.group(1)).toList();
        }

        @Override
        public String serverUri() {
            return "/licences";
        }
    }

    record Api(ApiClient client) implements ListSurface {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        public String name() {
            return "API";
        }

        @Override
        public String format() {
            return "JSON";
        }

        @Override
        public String path(BenchCase benchCase, int size) {
            return benchCase.apiPath(size);
        }

        @Override
        public HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.get(path);
        }

        @Override
        public List<String> codes(String body) {
            return StreamSupport.stream(page(body).path("data").spliterator(), false)
                    .map(licence -> licence.path("code").asString())
                    .toList();
        }

        @Override
        public String serverUri() {
            return "/api/v1/licences";
        }

        static JsonNode page(String body) {
            return JSON.readTree(body);
        }
    }
}

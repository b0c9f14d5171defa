package io.licencedesk.api;

import static io.licencedesk.support.TestFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.licence.NewLicence;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Link header of every paged list (decision 0144), staff's and the portal's, read from the OpenAPI document: from
 * the first page, following rel="next" to the end gives the whole list once, in its order; rel="prev" leads back a
 * page, rel="first" to the first and rel="last" (numbered lists) to the last; every link keeps the request's other
 * parameters. Nothing else the API answers has a Link header.
 */
class PageLinksIntegrationTests extends RestApiSweep {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([a-z]+)\"");

    /** The lists that page: the sweep below runs over the document's, and this says none went missing from it. */
    static final Set<String> PAGED = Set.of(
            "listLicences",
            "getLicenceHistory",
            "listLicenceScreens",
            "listClients",
            "listInvoices",
            "listLicenceImports",
            "listMyLicences",
            "listScreens",
            "listMyInvoices",
            "listWebhookDeliveries");

    static final String HOSTILE = "Zoë & Co 100% a+b=c, <x>; \"y\"";

    @Autowired
    AccountManagement accounts;

    String staff;
    String client;
    String owner;
    long wall;

    @BeforeEach
    void moreOfEverything() throws Exception {
        staff = token(org.manager());
        client = token(org.alice());
        owner = token(org.owner());
        // The sweep's endpoint receives what follows (queued, not sent: it is disabled again below).
        webhooks.enable(org.owner(), webhookEndpointId);
        wall = licences.create(
                        org.manager(),
                        new NewLicence(plan.id(), "Wall", null, 5, org.alice().userId()))
                .id();
        clientLicences.activate(org.alice(), wall);
        for (int i = 1; i <= 5; i++) {
            screens.register(org.alice(), wall, "Wall " + i);
        }
        List<Long> invoiced = new ArrayList<>(List.of(wall));
        for (int i = 1; i <= 3; i++) {
            invoiced.add(licences.create(
                            org.manager(),
                            new NewLicence(
                                    plan.id(),
                                    "Kiosk " + i,
                                    null,
                                    1,
                                    org.alice().userId()))
                    .id());
        }
        invoicing.send(org.manager(), invoiced);
        for (int i = 1; i <= 3; i++) {
            accounts.addClient(
                    org.manager(),
                    new NewClient(HOSTILE + " " + i, "zoe" + i + "-" + org.id() + "@example.com", null, null, null));
        }
        webhooks.disable(org.owner(), webhookEndpointId);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/api/v1/licence-imports")
                    .param("name", "book-" + i + ".csv")
                    .with(bearer(staff))
                    .contentType("text/csv")
                    .content("name,plan,screens\nLobby,Monthly,2\n"));
        }
    }

    record Page(List<String> items, Map<String, String> links) {}

    @Test
    void followingNextFromTheFirstPageGivesEveryItemOnceAndPrevFirstAndLastLeadWhereTheySay() throws Exception {
        Map<String, String> lists = pagedLists();
        assertThat(lists.keySet()).isEqualTo(PAGED);
        for (var list : lists.entrySet()) {
            boolean deliveries = list.getKey().equals("listWebhookDeliveries");
            String path = list.getValue().replace("{id}", Long.toString(deliveries ? webhookEndpointId : wall));
            String token = path.startsWith("/api/v1/portal/") ? client : deliveries ? owner : staff;
            String extra = list.getKey().equals("listLicences") ? "sort=name&order=asc&" : "";
            walk(list.getKey(), token, path + "?" + extra + "limit=2", path + "?" + extra + "limit=100");
        }
    }

    @Test
    void aHostileSearchIsEncodedInEveryLinkAndReadsBackAsItself() throws Exception {
        String q = PageLinks.encode(HOSTILE);
        assertThat(q).isEqualTo("Zo%C3%AB%20%26%20Co%20100%25%20a%2Bb%3Dc%2C%20%3Cx%3E%3B%20%22y%22");

        List<String> clients =
                walk("listClients", staff, "/api/v1/clients?q=" + q + "&limit=1", "/api/v1/clients?q=" + q);
        assertThat(clients).hasSize(3);
        Page first = page(staff, "/api/v1/clients?q=" + q + "&limit=1");
        assertThat(first.links().get("next")).isEqualTo("/api/v1/clients?q=" + q + "&limit=1&page=2");

        // the page sent first keeps its place; the search, sent in another spelling (é as %c3%a9), is linked in one
        Page second = page(staff, "/api/v1/clients?page=2&q=" + q.replace("%C3%AB", "%c3%ab") + "&limit=1");
        assertThat(second.links().get("prev")).isEqualTo("/api/v1/clients?page=1&q=" + q + "&limit=1");
        assertThat(second.items()).containsExactly(clients.get(1));
    }

    @Test
    void theExportsAndEveryListThatDoesNotPageHaveNoLinkHeader() throws Exception {
        for (Operation operation : operations()) {
            if (operation.method() != HttpMethod.GET || PAGED.contains(operationId(operation))) {
                continue;
            }
            String token = operation.portal() ? client : operation.pattern().contains("webhook") ? owner : staff;
            MockHttpServletResponse response = mvc.perform(get(operation.path()).with(bearer(token)))
                    .andReturn()
                    .getResponse();
            if (operation.pattern().endsWith("/export")) {
                assertThat(response.getStatus()).as(operation.toString()).isEqualTo(200);
            }
            assertThat(response.getHeader("Link")).as(operation.toString()).isNull();
        }
        MockHttpServletResponse whole = mvc.perform(
                        get("/api/v1/portal/licences/" + wall + "/screens").with(bearer(client)))
                .andReturn()
                .getResponse();
        assertThat(whole.getHeader(PortalApiController.DEPRECATION))
                .as("every screen in one array")
                .isNotNull();
        assertThat(whole.getHeader("Link")).isNull();
        MockHttpServletResponse refused = mvc.perform(
                        get("/api/v1/clients?page=0").with(bearer(staff)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getHeader("Link")).as("a refused request is no page").isNull();
    }

    /**
     * Follows rel="next" from the first page to the end and checks every page's links; answers the items in the
     * order read, which must be the whole list's.
     */
    List<String> walk(String id, String token, String firstAddress, String wholeAddress) throws Exception {
        List<String> whole = page(token, wholeAddress).items();
        assertThat(whole).as(id).doesNotHaveDuplicates();
        List<Page> pages = new ArrayList<>();
        Page page = page(token, firstAddress);
        assertThat(page.links()).as(id).doesNotContainKey("prev");
        while (true) {
            pages.add(page);
            assertThat(page.links().get("first"))
                    .as(id)
                    .isEqualTo(pages.get(0).links().get("first"));
            page.links()
                    .values()
                    .forEach(link -> assertThat(link)
                            .as(id)
                            .startsWith("/api/v1/")
                            .contains(firstAddress.substring(firstAddress.indexOf('?') + 1)));
            if (pages.size() > 1) {
                assertThat(page(token, page.links().get("prev")).items())
                        .as(id + " prev of page " + pages.size())
                        .isEqualTo(pages.get(pages.size() - 2).items());
            }
            String next = page.links().get("next");
            if (next == null) {
                break;
            }
            assertThat(pages).as(id + ": more pages than items").hasSizeLessThanOrEqualTo(whole.size());
            page = page(token, next);
        }
        List<String> read = pages.stream().flatMap(p -> p.items().stream()).toList();
        assertThat(read).as(id).isEqualTo(whole);
        assertThat(page(token, pages.get(0).links().get("first")).items())
                .as(id)
                .isEqualTo(pages.get(0).items());
        boolean numbered = !Set.of("listLicences", "getLicenceHistory").contains(id);
        for (Page each : pages) {
            if (numbered) {
                assertThat(each.links().get("last"))
                        .as(id)
                        .isEqualTo(page.links().get("last"));
            } else {
                assertThat(each.links())
                        .as(id + ": a cursor names no last page")
                        .doesNotContainKey("last");
            }
        }
        if (numbered) {
            assertThat(page(token, page.links().get("last")).items()).as(id).isEqualTo(page.items());
        }
        if (whole.size() > 2 && firstAddress.contains("limit=2")) {
            assertThat(pages).as(id + " pages").hasSizeGreaterThanOrEqualTo(3);
        }
        return read;
    }

    Page page(String token, String address) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(URI.create(address)).with(bearer(token)))
                .andReturn()
                .getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(address + " " + body).isEqualTo(200);
        List<String> items = new ArrayList<>();
        for (JsonNode item : JSON.readTree(body).get("data")) {
            items.add(item.has("id") ? item.get("id").asString() : item.toString());
        }
        Map<String, String> links = new LinkedHashMap<>();
        String header = response.getHeader("Link");
        assertThat(header).as(address).isNotNull();
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            assertThat(links.put(link.group(2), link.group(1))).as(header).isNull();
        }
        return new Page(items, links);
    }

    /** The GET operations whose answer the OpenAPI document says has a Link header, by operationId, with their path. */
    Map<String, String> pagedLists() throws Exception {
        JsonNode document = JSON.readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Map<String, String> lists = new LinkedHashMap<>();
        document.get("paths").properties().forEach(path -> {
            JsonNode list = path.getValue().get("get");
            if (list != null && list.at("/responses/200/headers/Link").isObject()) {
                lists.put(list.get("operationId").asString(), path.getKey());
            }
        });
        return lists;
    }

    private final Map<String, String> ids = new LinkedHashMap<>();

    String operationId(Operation operation) throws Exception {
        if (ids.isEmpty()) {
            JsonNode document = JSON.readTree(mvc.perform(get("/v3/api-docs"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            document.get("paths").properties().forEach(path -> {
                JsonNode read = path.getValue().get("get");
                if (read != null) {
                    ids.put(path.getKey(), read.get("operationId").asString());
                }
            });
        }
        return ids.get(operation.pattern());
    }
}

package io.licencedesk.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.shared.Language;
import io.licencedesk.support.BrowserTest;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A search box shows its whole placeholder on a phone, in French too. On the licence list at 390 px, "Code, nom, note,
 * client" was cut after "cli": Chromium keeps the room of the box's clear button (×) while the box is empty, only
 * transparent. The placeholder is an element of the box's user-agent shadow tree, which a page's script cannot
 * reach, so it is measured through the DevTools protocol: its text needs no more room than it has.
 */
@BrowserTest
class SearchPlaceholdersBrowserTests {

    /** The placeholder's function in the box's shadow tree: where its text ends against the room it has. */
    static final String MEASURE = """
            function() {
              const box = this.getRootNode().host;
              return [box.type, box.id, this.textContent, this.scrollWidth, this.clientWidth];
            }""";

    @Autowired
    TestOrganisations organisations;

    @Autowired
    UserLanguages languages;

    @Test
    void theSearchBoxesShowTheirWholePlaceholderOnAPhoneInFrenchAndEnglish(Page page) {
        TestOrganisation org = organisations.create();
        languages.choose(org.owner(), Language.FR);
        List<String> cut = new ArrayList<>();
        for (Caller person : List.of(org.owner(), org.manager())) {
            page.context().clearCookies();
            PhoneBrowserTests.signIn(page, person);
            assertThat(page.locator("html")).hasAttribute("lang", person == org.owner() ? "fr" : "en");
            for (String path : List.of("/licences", "/clients", "/audit")) {
                page.navigate(path);
                assertThat(page.getByRole(AriaRole.SEARCHBOX).first()).isVisible();
                List<List<?>> placeholders = placeholders(page);
                Assertions.assertThat(placeholders)
                        .as("search boxes of %s", path)
                        .isNotEmpty();
                for (List<?> placeholder : placeholders) {
                    if (((Number) placeholder.get(2)).intValue() > ((Number) placeholder.get(3)).intValue()) {
                        cut.add(page.locator("html").getAttribute("lang") + " " + path + " #" + placeholder.get(0)
                                + ": \"" + placeholder.get(1) + "\" needs " + placeholder.get(2) + " px, has "
                                + placeholder.get(3));
                    }
                }
            }
        }
        Assertions.assertThat(cut)
                .as("placeholders cut at %d px", PhoneBrowserTests.WIDTH)
                .isEmpty();
    }

    /** Each search box's placeholder: the box's id, its text, the width it needs and the width it has. */
    static List<List<?>> placeholders(Page page) {
        CDPSession devTools = page.context().newCDPSession(page);
        try {
            var everything = new JsonObject();
            everything.addProperty("depth", -1);
            everything.addProperty("pierce", true);
            JsonObject root = devTools.send("DOM.getDocument", everything).getAsJsonObject("root");
            List<List<?>> measured = new ArrayList<>();
            for (int node : placeholderNodes(root, new ArrayList<>())) {
                var resolve = new JsonObject();
                resolve.addProperty("nodeId", node);
                var call = new JsonObject();
                call.addProperty(
                        "objectId",
                        devTools.send("DOM.resolveNode", resolve)
                                .getAsJsonObject("object")
                                .get("objectId")
                                .getAsString());
                call.addProperty("functionDeclaration", MEASURE);
                call.addProperty("returnByValue", true);
                JsonArray figures = devTools.send("Runtime.callFunctionOn", call)
                        .getAsJsonObject("result")
                        .getAsJsonArray("value");
                if (figures.get(0).getAsString().equals("search")) {
                    measured.add(List.of(
                            figures.get(1).getAsString(),
                            figures.get(2).getAsString(),
                            figures.get(3).getAsInt(),
                            figures.get(4).getAsInt()));
                }
            }
            return measured;
        } finally {
            devTools.detach();
        }
    }

    /** The nodes Chromium marks as an input's placeholder, in the document and every shadow tree. */
    static List<Integer> placeholderNodes(JsonObject node, List<Integer> found) {
        JsonArray attributes = node.getAsJsonArray("attributes");
        for (int i = 0; attributes != null && i + 1 < attributes.size(); i += 2) {
            if (attributes.get(i).getAsString().equals("pseudo")
                    && attributes.get(i + 1).getAsString().equals("-webkit-input-placeholder")) {
                found.add(node.get("nodeId").getAsInt());
            }
        }
        for (String kin : List.of("children", "shadowRoots")) {
            JsonArray kids = node.getAsJsonArray(kin);
            if (kids != null) {
                kids.forEach(kid -> placeholderNodes(kid.getAsJsonObject(), found));
            }
        }
        return found;
    }
}

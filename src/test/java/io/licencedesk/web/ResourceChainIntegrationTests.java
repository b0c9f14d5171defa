package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.licencedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The resource chain stays off although springdoc brings the WebJars locator: its URL filter looked up every
 * link of every page in the class path (docs/decisions/0024). The versioned WebJars and Swagger UI still load.
 */
@IntegrationTest
class ResourceChainIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Test
    void pagesAreNotPassedThroughTheResourceUrlFilter() {
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
    }

    @Test
    void servesTheVersionedWebJarsAndSwaggerUi() throws Exception {
        for (String path : new String[] {
            "/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css",
            "/webjars/tom-select/2.4.3/dist/js/tom-select.complete.min.js",
            "/swagger-ui/index.html",
            "/swagger-ui/swagger-ui-bundle.js"
        }) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
                    .as(path)
                    .isEqualTo(200);
        }
        assertThat(mvc.perform(get("/swagger-ui/swagger-initializer.js"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("/v3/api-docs/swagger-config");
    }
}

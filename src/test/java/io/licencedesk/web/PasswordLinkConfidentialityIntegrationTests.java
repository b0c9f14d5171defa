package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.NewClient;
import io.licencedesk.accounts.SentLinks;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * On the out-of-the-box setup (the embedded H2 database, no SMTP server), an account manager asked for a
 * reset of the owner's password on the public page and read the link in the Outbox page. No member of staff
 * may read another person's password link by any route: only the server's log (the person who started the
 * demo) has it.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "licencedesk.mail.log-kept-account-emails=auto")
class PasswordLinkConfidentialityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noMemberOfStaffCanReadTheOwnersResetLinkOnAnyPageWhileTheDemoLogHasIt(CapturedOutput log) throws Exception {
        TestOrganisation org = organisations.create();
        Client carol = accounts.addClient(
                org.manager(), new NewClient("Carol New", "carol-" + org.id() + "@example.test", null, null, null));
        mvc.perform(post("/clients/{id}/invite", carol.id())
                        .with(staff(org.owner().email()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/password/forgot").param("email", org.owner().email()).with(csrf()))
                .andExpect(status().is3xxRedirection());

        // The dispatcher finds no SMTP server and keeps both messages.
        await().until(() ->
                jdbc.sql("select count(*) from outbound_email where organisation_id = :org and status = 'KEPT'")
                                .param("org", org.id())
                                .query(Long.class)
                                .single()
                        == 2);

        String ownersToken = tokenIn(log.getOut(), org.owner().email());
        String carolsToken = tokenIn(log.getOut(), carol.email());
        mvc.perform(get("/password/set").param("token", ownersToken))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains(org.owner().email()));

        List<Long> messages = jdbc.sql("select id from outbound_email where organisation_id = :org")
                .param("org", org.id())
                .query(Long.class)
                .list();
        assertThat(messages).hasSize(2);
        int pagesRead = 0;
        for (String reader : List.of(org.manager().email(), org.owner().email())) {
            for (String page : pagesToRead(messages, carol.id())) {
                String body = mvc.perform(get(page).with(staff(reader)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(body)
                        .as("%s as %s", page, reader)
                        .doesNotContain(ownersToken)
                        .doesNotContain(carolsToken);
                pagesRead++;
            }
        }
        assertThat(pagesRead).isGreaterThan(20);
    }

    /** Every GET page of the application, each path variable filled with each message's and Carol's id. */
    private List<String> pagesToRead(List<Long> messages, long carolId) {
        List<String> pages = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("{")) {
                    pages.add(pattern);
                    continue;
                }
                List<Long> ids = new ArrayList<>(messages);
                ids.add(carolId);
                for (long id : ids) {
                    pages.add(pattern.replaceAll("\\{[^}]+}", Long.toString(id)));
                }
            }
        }
        pages.add("/outbox?status=KEPT");
        return pages;
    }

    private static String tokenIn(String log, String recipient) {
        int mention = log.lastIndexOf("e-mail to " + recipient);
        assertThat(mention).as("the log mentions the e-mail to %s", recipient).isNotNegative();
        Matcher link = SentLinks.LINK.matcher(log.substring(mention));
        assertThat(link.find()).as("a link follows in the log").isTrue();
        return link.group(2);
    }

    private RequestPostProcessor staff(String email) {
        return user(users.loadUserByUsername(email));
    }
}

package io.licencedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;

/**
 * A newcomer who runs the application and signs in with a demo account as soon as the port answers must find the
 * account there: the demo organisation is written before the web server takes its first request.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "licencedesk.demo.enabled=true")
@ActiveProfiles("test")
class DemoDataBeforeTheServerIntegrationTests {

    @Autowired
    ServerOpening opening;

    @Test
    void theDemoAccountsExistWhenTheWebServerStartsListening() {
        assertThat(opening.demoOwnerThen.get())
                .as("the demo owner when the web server had started")
                .isTrue();
    }

    /** Looks for the demo owner at the moment the web server has started and listens on its port. */
    static class ServerOpening {

        final AtomicReference<Boolean> demoOwnerThen = new AtomicReference<>();
        private final AccountRepository accounts;

        ServerOpening(AccountRepository accounts) {
            this.accounts = accounts;
        }

        @EventListener
        void on(WebServerInitializedEvent started) {
            demoOwnerThen.set(accounts.findUserByEmail("admin@demo.test").isPresent());
        }
    }

    @TestConfiguration
    static class Listening {

        @Bean
        ServerOpening serverOpening(AccountRepository accounts) {
            return new ServerOpening(accounts);
        }
    }
}

package io.licencedesk;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class LicenceDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(LicenceDeskApplication.class, args);
    }

    /** The one source of "now" for the domain, replaced in tests to move time. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}

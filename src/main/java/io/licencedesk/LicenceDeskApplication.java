package io.licencedesk;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
// The shared kernel is part of every module test's context, as it is part of every module.
@Modulithic(sharedModules = "shared")
public class LicenceDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(LicenceDeskApplication.class, args);
    }

    /** The one source of "now" for the domain, replaced in tests to move time. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** Bean Validation's "now" (a payment date "in the future") is the same clock. */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}

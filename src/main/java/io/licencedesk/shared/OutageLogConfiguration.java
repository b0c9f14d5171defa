package io.licencedesk.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The libraries' lines while the database is away, one line each instead of stack traces ({@link LibraryOutageLog}). */
@Configuration(proxyBeanMethods = false)
class OutageLogConfiguration {

    @Bean(destroyMethod = "close")
    LibraryOutageLog libraryOutageLog(Clock clock) {
        return LibraryOutageLog.installed(clock);
    }
}

package io.licencedesk.support;

import io.licencedesk.LicenceDeskApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One application node, started in this JVM on a database of the test's choosing, as a server of a cluster would
 * start: the tests' own configurations (a database of their own, a movable clock) are left out of its component scan,
 * as the test framework leaves them out of the contexts it starts, and its scheduled jobs are off so that the test
 * runs each step itself.
 */
public final class ApplicationNode {

    private ApplicationNode() {}

    /**
     * Starts a node on the given PostgreSQL URL (user postgres, no password) on a free port.
     *
     * @param sources configurations of the test added to the application's, e.g. a clock both nodes share
     * @param settings further {@code --name=value} arguments
     */
    public static ConfigurableApplicationContext start(String database, List<Class<?>> sources, String... settings) {
        return start(database, "postgres", sources, settings);
    }

    /** Starts a node as above, connecting as the given PostgreSQL account (no password). */
    public static ConfigurableApplicationContext start(
            String database, String username, List<Class<?>> sources, String... settings) {
        List<Class<?>> all = new ArrayList<>();
        all.add(LicenceDeskApplication.class);
        all.addAll(sources);
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + username,
                "--spring.datasource.password=",
                "--server.port=0",
                "--licencedesk.scheduling.enabled=false"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(all.toArray(Class<?>[]::new))
                .profiles("test")
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("testConfigurationsLeftOut", new TestConfigurationsLeftOut()))
                .run(arguments.toArray(String[]::new));
    }

    /** Leaves the tests' own configurations out of the component scan, as the test framework does. */
    static final class TestConfigurationsLeftOut extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            var annotations = reader.getAnnotationMetadata();
            return annotations.hasAnnotation(TestConfiguration.class.getName())
                    || annotations.hasAnnotation(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestConfigurationsLeftOut;
        }

        @Override
        public int hashCode() {
            return TestConfigurationsLeftOut.class.hashCode();
        }
    }
}

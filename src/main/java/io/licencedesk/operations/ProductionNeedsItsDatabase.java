package io.licencedesk.operations;

import io.licencedesk.shared.SettingRefusedException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * A node set up for production (LICENCEDESK_DEMO_ENABLED=false) whose SPRING_DATASOURCE_URL was forgotten does not
 * start. It started on the jar's default, an embedded H2 file under ./data of its own: it created the first owner
 * there and served, while a second node did the same in its own file, so a person signed in on one node was unknown
 * on the other, and nothing was in the PostgreSQL database that is backed up. Runs before any bean is made, so no
 * database file is created. An H2 database chosen on purpose is given as SPRING_DATASOURCE_URL and is left alone.
 */
@Component
class ProductionNeedsItsDatabase implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final String URL = "spring.datasource.url";

    /** The jar's own application.properties, whose URL is the demo's embedded H2 file. */
    private static final String JAR_DEFAULTS = "class path resource [application.properties]";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        boolean demo = environment.getProperty("licencedesk.demo.enabled", Boolean.class, true);
        if (demo || urlGivenByTheOperator()) {
            return;
        }
        throw new SettingRefusedException("SPRING_DATASOURCE_URL is not set, and LICENCEDESK_DEMO_ENABLED is false:"
                + " this node would keep its data in an embedded H2 file of its own (./data/licencedesk), which no"
                + " other node shares and no PostgreSQL backup holds. Set SPRING_DATASOURCE_URL to the PostgreSQL"
                + " database, e.g. jdbc:postgresql://db.example.com:5432/licencedesk, with SPRING_DATASOURCE_USERNAME"
                + " and SPRING_DATASOURCE_PASSWORD.");
    }

    private boolean urlGivenByTheOperator() {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return true;
        }
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                continue;
            }
            if (source.containsProperty(URL)) {
                // A blank value (a compose file's SPRING_DATASOURCE_URL=${DB_URL}, DB_URL unset) is no URL: Spring
                // Boot would start on an in-memory H2 of its own, which loses everything at each restart.
                Object url = source.getProperty(URL);
                return url != null
                        && StringUtils.hasText(url.toString())
                        && !source.getName().contains(JAR_DEFAULTS);
            }
        }
        return false;
    }
}

package io.licencedesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What Spring Modulith does not check: business modules know nothing of HTTP, only delivery modules hold
 * controllers, persistence stays inside its module, and the domain never calls a channel. The module graph itself is
 * checked by {@link ModularityTests}.
 */
class ArchitectureTests {

    /** The business modules: the rules, whatever channel reaches them. */
    static final String[] BUSINESS = {
        "io.licencedesk.accounts..",
        "io.licencedesk.licence..",
        "io.licencedesk.invoicing..",
        "io.licencedesk.mail..",
        "io.licencedesk.audit..",
        "io.licencedesk.devices..",
        "io.licencedesk.shared.."
    };

    /**
     * The channels: the console's and portal's pages, what they share, the HTTP API, webhooks, the outgoing
     * channel that posts the API's resources to the receivers owners register, and the CSV files the console and the
     * API both download (decision 0115).
     */
    static final String[] DELIVERY = {
        "io.licencedesk.console..",
        "io.licencedesk.portal..",
        "io.licencedesk.web..",
        "io.licencedesk.api..",
        "io.licencedesk.webhooks..",
        "io.licencedesk.exports.."
    };

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.licencedesk");

    @Test
    void businessModulesKnowNothingOfHttp() {
        noClasses()
                .that()
                .resideInAnyPackage(BUSINESS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.ui..",
                        "jakarta.servlet..")
                .because("the domain says why; each channel decides how to answer over HTTP")
                .check(CLASSES);
    }

    @Test
    void controllersAndTheirAdviceLiveOnlyInDeliveryModules() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.ControllerAdvice.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class)
                .should()
                .resideInAnyPackage(DELIVERY)
                .check(CLASSES);
    }

    @Test
    void repositoriesAndQueriesAreNeverPublic() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .or()
                .haveSimpleNameEndingWith("Queries")
                .should()
                .notBePublic()
                .because("another module reaches data only through a module's façade or events")
                .check(CLASSES);
    }

    @Test
    void theDomainNeverCallsAChannel() {
        noClasses()
                .that()
                .resideInAnyPackage(BUSINESS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(DELIVERY)
                .check(CLASSES);
    }

    /** LicenceChanges holds the licences a transaction locked (decision 0037): a write beside it would go stale. */
    @Test
    void onlyTheChangePathChangesOrDeletesALicence() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.licencedesk.licence.LicenceChanges")
                .should()
                .callMethod("io.licencedesk.licence.LicenceRepository", "updateState", "io.licencedesk.licence.Licence")
                .orShould()
                .callMethod("io.licencedesk.licence.LicenceRepository", "delete", "io.licencedesk.licence.Licence")
                .because("every change to a licence row goes through LicenceChanges, which holds the locked licences")
                .check(CLASSES);
    }
}

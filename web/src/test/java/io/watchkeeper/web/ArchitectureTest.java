package io.watchkeeper.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency direction of docs/architecture.md, enforced. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("io.watchkeeper");
    }

    @Test
    void coreDependsOnNothingButTheJdkAndJackson() {
        noClasses().that().resideInAPackage("io.watchkeeper.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..",
                        "org.jooq..", "org.kohsuke..", "io.watchkeeper.aws..", "io.watchkeeper.github..", "io.watchkeeper.db..",
                        "io.watchkeeper.watchers..", "io.watchkeeper.auditors..", "io.watchkeeper.gcp..", "com.google.cloud..",
                        "com.google.api..", "io.watchkeeper.iamtuner..", "io.watchkeeper.certmanager..", "io.watchkeeper.codescanner..",
                        "io.watchkeeper.web..")
                .check(classes);
    }

    @Test
    void awsAccessKnowsOnlyCoreAndTheSdk() {
        noClasses().that().resideInAPackage("io.watchkeeper.aws..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..",
                        "io.watchkeeper.db..", "io.watchkeeper.watchers..", "io.watchkeeper.auditors..",
                        "io.watchkeeper.web..")
                .check(classes);
    }

    @Test
    void gcpAccessKnowsOnlyCoreAndGoogleClients() {
        noClasses().that().resideInAPackage("io.watchkeeper.gcp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "software.amazon..",
                        "io.watchkeeper.aws..", "io.watchkeeper.db..", "io.watchkeeper.watchers..", "io.watchkeeper.auditors..",
                        "io.watchkeeper.web..", "io.grpc..")
                .because("every GCP call is HTTP/JSON through GcpTransport")
                .check(classes);
        noClasses().that().resideInAPackage("io.watchkeeper.aws..")
                .should().dependOnClassesThat().resideInAPackage("io.watchkeeper.gcp..")
                .check(classes);
    }

    @Test
    void githubAccessKnowsOnlyCoreAndHub4j() {
        noClasses().that().resideInAPackage("io.watchkeeper.github..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..",
                        "software.amazon..", "io.watchkeeper.aws..", "io.watchkeeper.gcp..", "io.watchkeeper.db..",
                        "io.watchkeeper.watchers..", "io.watchkeeper.auditors..", "io.watchkeeper.certmanager..",
                        "io.watchkeeper.web..")
                .check(classes);
    }

    @Test
    void dbKnowsOnlyCore() {
        noClasses().that().resideInAPackage("io.watchkeeper.db..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..",
                        "org.kohsuke..", "io.watchkeeper.github..", "io.watchkeeper.watchers..", "io.watchkeeper.auditors..",
                        "io.watchkeeper.web..")
                .check(classes);
    }

    @Test
    void domainModulesAreFrameworkFreeAndIndependent() {
        String[] domain = {"io.watchkeeper.watchers..", "io.watchkeeper.auditors..", "io.watchkeeper.iamtuner..",
                "io.watchkeeper.certmanager..", "io.watchkeeper.codescanner.."};
        for (String module : domain) {
            noClasses().that().resideInAPackage(module)
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..",
                            "io.watchkeeper.db..", "io.watchkeeper.web..")
                    .check(classes);
            for (String other : domain) {
                if (!other.equals(module) && !(module.contains("codescanner") && other.contains("auditors"))) {
                    noClasses().that().resideInAPackage(module).should().dependOnClassesThat().resideInAPackage(other)
                            .check(classes);
                }
            }
        }
    }

    @Test
    void checksNeverUseACloudSdk() {
        noClasses().that().resideInAPackage("io.watchkeeper.auditors..")
                .and().resideOutsideOfPackage("io.watchkeeper.auditors.remediation..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.google.cloud..",
                        "com.google.api.services..", "com.google.api.gax..", "org.kohsuke.github..", "io.watchkeeper.aws..",
                        "io.watchkeeper.gcp..")
                .because("checks are pure functions of stored configurations; only remediations call clouds")
                .check(classes);
        noClasses().that().resideInAPackage("io.watchkeeper.auditors..")
                .and().resideOutsideOfPackage("io.watchkeeper.auditors.remediation..")
                .should().dependOnClassesThat().resideInAPackage("io.watchkeeper.github..")
                .because("GitHub checks read stored configurations too")
                .check(classes);
    }

    @Test
    void theConsoleNeverCallsApiControllers() {
        noClasses().that().resideInAPackage("io.watchkeeper.web.console..")
                .should().dependOnClassesThat().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .because("console pages and API controllers are two thin doors onto the same services")
                .check(classes);
    }

    @Test
    void jooqTypesStayInDbAndTheWiring() {
        // services, pages, API controllers and commands reach PostgreSQL through core's ports only; the Spring
        // configuration classes (the composition root) are the one place in web that builds db repositories
        noClasses().that().resideInAPackage("io.watchkeeper.web..")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "io.watchkeeper.db.jooq..")
                .because("jOOQ types never leave db/ and the wiring")
                .check(classes);
    }

    @Test
    void webReachesTheDatabaseOnlyThroughThePortsOutsideTheWiring() {
        noClasses().that().resideInAnyPackage("io.watchkeeper.web.service..", "io.watchkeeper.web.console..",
                        "io.watchkeeper.web.api..", "io.watchkeeper.web.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.watchkeeper.db..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheApplication() {
        noClasses().that().resideOutsideOfPackage("io.watchkeeper.web..")
                .should().dependOnClassesThat().resideInAPackage("io.watchkeeper.web..")
                .check(classes);
    }
}

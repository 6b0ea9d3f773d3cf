package io.storescheduler.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's dependency direction: domain <- application <- adapters <- bootstrap. Maven module
 * dependencies already refuse most wrong edges at compile time; these rules hold the rest, and
 * each fails when it matches no class at all (archunit.properties).
 */
@AnalyzeClasses(packages = "io.storescheduler", importOptions = {
        ImportOption.DoNotIncludeTests.class, ArchitectureTest.WithoutGeneratedJooq.class})
class ArchitectureTest {

    /** jOOQ's generated classes reference each other by design; they are not ours to shape. */
    static final class WithoutGeneratedJooq implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/io/storescheduler/adapter/jooq/schema/");
        }
    }

    private static final String DOMAIN = "io.storescheduler.domain..";
    private static final String APPLICATION = "io.storescheduler.application..";
    private static final String JOOQ_ADAPTER = "io.storescheduler.adapter.jooq..";
    private static final String HTTP_ADAPTER = "io.storescheduler.adapter.http..";
    private static final String WEB_ADAPTER = "io.storescheduler.adapter.web..";

    @ArchTest
    static final ArchRule the_domain_depends_on_java_only = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN);

    @ArchTest
    static final ArchRule the_application_depends_on_the_domain_and_java_only = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION);

    @ArchTest
    static final ArchRule the_application_knows_no_framework_sql_or_http = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jooq..", "io.javalin..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..",
                    "jakarta..", "io.storescheduler.adapter..", "io.storescheduler.bootstrap..");

    @ArchTest
    static final ArchRule the_jooq_adapter_does_not_use_the_http_adapter = noClasses()
            .that().resideInAPackage(JOOQ_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP_ADAPTER, WEB_ADAPTER, "io.javalin..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule the_http_adapter_does_not_use_the_jooq_adapter = noClasses()
            .that().resideInAPackage(HTTP_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage(JOOQ_ADAPTER, WEB_ADAPTER, "org.jooq..", "java.sql..", "javax.sql..");

    /** The day board is a driving adapter of its own: it calls the use cases, never the REST adapter or the database. */
    @ArchTest
    static final ArchRule the_web_adapter_uses_neither_the_rest_adapter_nor_the_database = noClasses()
            .that().resideInAPackage(WEB_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP_ADAPTER, JOOQ_ADAPTER, "org.jooq..", "java.sql..",
                    "javax.sql..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule only_bootstrap_wires_the_adapters_together = noClasses()
            .that().resideOutsideOfPackage("io.storescheduler.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("io.storescheduler.bootstrap..");

    @ArchTest
    static final ArchRule jooq_stays_in_its_adapter = noClasses()
            .that().resideOutsideOfPackage(JOOQ_ADAPTER)
            .should().dependOnClassesThat().resideInAPackage("org.jooq..");

    @ArchTest
    static final ArchRule packages_have_no_cycles = slices()
            .matching("io.storescheduler.(**)")
            .should().beFreeOfCycles();
}

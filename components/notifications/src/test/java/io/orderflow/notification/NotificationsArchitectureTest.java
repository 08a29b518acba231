package io.orderflow.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.orderflow.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class NotificationsArchitectureTest {

    @ArchTest
    static final ArchRule notificationsKnowTheOrderOnlyThroughItsIntegrationEvent = noClasses()
            .that().resideInAPackage("io.orderflow.notification..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.orderflow.order..",
                    "io.orderflow.inventory..",
                    "io.orderflow.saga..",
                    "io.orderflow.projections..",
                    "org.axonframework..");
}

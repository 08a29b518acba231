package io.orderflow.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.orderflow.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class InventoryAggregateArchitectureTest {

    @ArchTest
    static final ArchRule inventoryKnowsNoWebNoSqlAndNoKafka = noClasses()
            .that().resideInAPackage("io.orderflow.inventory..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.jdbc..",
                    "java.sql..",
                    "javax.sql..",
                    "io.r2dbc..",
                    "org.apache.kafka..",
                    "reactor.kafka..")
            .because("the aggregate decides on commands and events only; storage and transport belong to other modules");
}

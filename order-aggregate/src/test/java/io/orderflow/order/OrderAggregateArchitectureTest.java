package io.orderflow.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

@AnalyzeClasses(packages = "io.orderflow.order", importOptions = ImportOption.DoNotIncludeTests.class)
class OrderAggregateArchitectureTest {

    @ArchTest
    static final ArchRule theAggregateKnowsNoWebNoSqlAndNoKafka = noClasses()
            .that().resideInAPackage("io.orderflow.order..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.jdbc..",
                    "java.sql..",
                    "javax.sql..",
                    "io.r2dbc..",
                    "org.apache.kafka..",
                    "reactor.kafka..");

    @ArchTest
    static final ArchRule aggregatesArePackagePrivate = classes()
            .that().areAnnotatedWith(Aggregate.class)
            .should().notBePublic();
}

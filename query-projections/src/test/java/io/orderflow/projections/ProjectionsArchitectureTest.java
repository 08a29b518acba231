package io.orderflow.projections;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Future;
import org.reactivestreams.Publisher;

@AnalyzeClasses(packages = "io.orderflow.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsArchitectureTest {

    @ArchTest
    static final ArchRule projectionsNeverSendCommands = noClasses()
            .that().resideInAPackage("io.orderflow.projections..")
            .should().dependOnClassesThat().resideInAPackage("org.axonframework.commandhandling..");

    @ArchTest
    static final ArchRule projectionsKnowNoAggregate = noClasses()
            .that().resideInAPackage("io.orderflow.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderflow.order..", "io.orderflow.inventory..");

    @ArchTest
    static final ArchRule queriesNeverBlock = noClasses()
            .that().resideInAPackage("io.orderflow.projections..")
            .should().callMethodWhere(target(owner(assignableTo(Publisher.class))).and(target(nameMatching("block.*"))))
            .orShould().callMethodWhere(target(owner(assignableTo(Future.class))).and(target(nameMatching("get|join"))));
}

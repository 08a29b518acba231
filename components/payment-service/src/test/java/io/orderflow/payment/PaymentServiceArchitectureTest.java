package io.orderflow.payment;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.reactivestreams.Publisher;

/** The payment service stands for an external provider: it knows the rest of the system only through the contracts. */
@AnalyzeClasses(packages = "io.orderflow.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class PaymentServiceArchitectureTest {

    @ArchTest
    static final ArchRule knowsNothingOfTheOrderPlatformsInsides = noClasses()
            .that().resideInAPackage("io.orderflow.payment..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.orderflow.order..", "io.orderflow.inventory..", "io.orderflow.saga..", "io.orderflow.projections..",
                    "org.axonframework..");

    @ArchTest
    static final ArchRule neverSleepsOnASharedThread = noClasses()
            .that().resideInAPackage("io.orderflow.payment..")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class);

    @ArchTest
    static final ArchRule neverBlocksOnAPublisher = noClasses()
            .that().resideInAPackage("io.orderflow.payment..")
            .should().callMethodWhere(target(owner(assignableTo(Publisher.class))).and(target(nameMatching("block.*"))));
}

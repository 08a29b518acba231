package io.orderflow.saga;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.spring.stereotype.Saga;

@AnalyzeClasses(packages = "io.orderflow.saga", importOptions = ImportOption.DoNotIncludeTests.class)
class OrderSagaArchitectureTest {

    @ArchTest
    static final ArchRule sagaKnowsNoWebNoSqlAndNoKafka = noClasses()
            .that().resideInAPackage("io.orderflow.saga..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.jdbc..",
                    "java.sql..",
                    "javax.sql..",
                    "io.r2dbc..",
                    "org.apache.kafka..",
                    "reactor.kafka..")
            .because("the saga only sends commands and schedules deadlines; the payment leg's commands are Kafka's business elsewhere");

    /** {@link SagaCommands} waits for the saga's commands, all together, only when the batch is about to commit. */
    @ArchTest
    static final ArchRule sagaNeverBlocks = noClasses()
            .that().resideInAPackage("io.orderflow.saga..").and().areAnnotatedWith(Saga.class)
            .should().callMethodWhere(target(owner(JavaClass.Predicates.assignableTo(Future.class)))
                    .and(target(nameMatching("join|get"))))
            .orShould().callMethodWhere(target(owner(JavaClass.Predicates.assignableTo(CommandGateway.class)))
                    .and(target(name("sendAndWait"))))
            .orShould().callMethodWhere(target(nameMatching("block.*")))
            .because("a saga that waits for each command holds its event processor for every round trip");

    @ArchTest
    static final ArchRule injectedResourcesAreTransient = fields()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Saga.class)
            .and().haveRawType(DescribedPredicate.describe("an injected resource",
                    (JavaClass type) -> type.isAssignableTo(CommandGateway.class)
                            || type.isAssignableTo(SagaCommands.class)
                            || type.isAssignableTo(DeadlineManager.class)
                            || type.isAssignableTo(OrderSagaSettings.class)
                            || type.isAssignableTo(PaymentChannel.class)))
            .should().haveModifier(JavaModifier.TRANSIENT)
            .because("saga state is serialized through its fields, and resources are injected again on every load");
}

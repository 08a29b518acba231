package io.orderflow.projections;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reactivestreams.Publisher;

@AnalyzeClasses(packages = "io.orderflow.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsArchitectureTest {

    /**
     * The query side handles its own operations commands (replay, dead-letter retry) but never sends one:
     * no gateway, no bus, no command message of its own making.
     */
    @ArchTest
    static final ArchRule projectionsNeverSendCommands = noClasses()
            .that().resideInAPackage("io.orderflow.projections..")
            .should().dependOnClassesThat(assignableTo(CommandGateway.class)
                    .or(assignableTo(CommandBus.class))
                    .or(assignableTo(CommandMessage.class))
                    .or(resideInAPackage("org.axonframework.extensions.reactor.commandhandling..")));

    @ArchTest
    static final ArchRule projectionsHandleOnlyOperationsCommands = methods()
            .that().areAnnotatedWith(CommandHandler.class)
            .and().areDeclaredInClassesThat().resideInAPackage("io.orderflow.projections..")
            .should(handleACommandOf("io.orderflow.contracts.operations"));

    @ArchTest
    static final ArchRule projectionsKnowNoAggregate = noClasses()
            .that().resideInAPackage("io.orderflow.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("io.orderflow.order..", "io.orderflow.inventory..");

    @ArchTest
    static final ArchRule queriesNeverBlock = noClasses()
            .that().resideInAPackage("io.orderflow.projections..")
            .should().callMethodWhere(target(owner(assignableTo(Publisher.class))).and(target(nameMatching("block.*"))))
            .orShould().callMethodWhere(target(owner(assignableTo(Future.class))).and(target(nameMatching("get|join"))));

    private static ArchCondition<JavaMethod> handleACommandOf(String commandPackage) {
        return new ArchCondition<>("handle a command of " + commandPackage) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean operations = !method.getRawParameterTypes().isEmpty()
                        && method.getRawParameterTypes().get(0).getPackageName().equals(commandPackage);
                events.add(new SimpleConditionEvent(method, operations, method.getFullName() + " handles "
                        + (method.getRawParameterTypes().isEmpty() ? "nothing" : method.getRawParameterTypes().get(0).getName())));
            }
        };
    }
}

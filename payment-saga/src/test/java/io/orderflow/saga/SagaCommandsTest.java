package io.orderflow.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.ShipOrderCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class SagaCommandsTest {

    private static final ShipOrderCommand A_COMMAND = new ShipOrderCommand(OrderId.of("order-1"));

    private final List<Object> handled = new ArrayList<>();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final SagaCommands commands = new SagaCommands(DefaultCommandGateway.builder().commandBus(commandBus).build());

    @Test
    void sendsTheCommandAtOnce() {
        succeeding();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);

        commands.send(A_COMMAND);

        assertThat(handled).containsExactly(A_COMMAND);
        unitOfWork.commit();
    }

    @Test
    void failsTheUnitOfWorkOfTheSagasEventWhenACommandFailedSoThatTheEventIsHandledAgain() {
        failing();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        List<String> rolledBack = new ArrayList<>();
        unitOfWork.onRollback(uow -> rolledBack.add("rolled back"));

        commands.send(A_COMMAND);

        assertThatThrownBy(unitOfWork::commit)
                .isInstanceOf(SagaCommands.CommandFailed.class)
                .hasMessageContaining("ShipOrderCommand")
                .hasRootCauseInstanceOf(BusinessRuleViolation.class);
        assertThat(rolledBack).containsExactly("rolled back");
    }

    @Test
    void failsAtOnceOutsideAUnitOfWork() {
        failing();

        assertThatThrownBy(() -> commands.send(A_COMMAND)).isInstanceOf(SagaCommands.CommandFailed.class);
    }

    @Test
    void waitsForACommandThatCompletesLaterBeforeTheUnitOfWorkCommits() {
        CompletableFuture<Object> later = new CompletableFuture<>();
        commandBus.subscribe(ShipOrderCommand.class.getName(), (CommandMessage<?> command) -> later.join());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        new Thread(() -> later.complete("done")).start();

        commands.send(A_COMMAND);

        unitOfWork.commit();
        assertThat(later).isCompleted();
    }

    private void succeeding() {
        commandBus.subscribe(ShipOrderCommand.class.getName(), (CommandMessage<?> command) -> {
            handled.add(command.getPayload());
            return null;
        });
    }

    private void failing() {
        commandBus.subscribe(ShipOrderCommand.class.getName(), (CommandMessage<?> command) -> {
            throw new BusinessRuleViolation(ErrorCode.ILLEGAL_ORDER_TRANSITION, "refused");
        });
    }
}

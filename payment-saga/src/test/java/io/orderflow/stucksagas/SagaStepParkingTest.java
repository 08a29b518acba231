package io.orderflow.stucksagas;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.saga.StuckReason;
import io.orderflow.platform.axon.ParkedSagaEvents.Failure;
import io.orderflow.saga.SagaCommandsFailures;
import java.sql.SQLException;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.SerializationException;
import io.orderflow.platform.kafka.KafkaUnavailableException;
import org.junit.jupiter.api.Test;

/** Why a step is parked, and which failures are the database's and never parked. */
class SagaStepParkingTest {

    @Test
    void namesACommandRefusedForABusinessReason() {
        Failure failure = SagaStepParking.failureOf(new IllegalStateException("batch failed",
                SagaCommandsFailures.failed("a command", new BusinessRuleViolation(ErrorCode.NO_ACTIVE_RESERVATION, "nothing held"))), 3);

        assertThat(failure.reason()).isEqualTo(StuckReason.COMMAND_REFUSED.name());
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.causeMessage()).startsWith("String failed: ").contains("nothing held");
    }

    @Test
    void namesACommandThatFailedOtherwise() {
        Failure failure = SagaStepParking.failureOf(SagaCommandsFailures.failed("a command", new IllegalStateException("boom")), 1);

        assertThat(failure.reason()).isEqualTo(StuckReason.COMMAND_FAILED.name());
    }

    @Test
    void namesAnEventThatCannotBeRead() {
        Failure failure = SagaStepParking.failureOf(new RuntimeException(new SerializationException("no such type")), 3);

        assertThat(failure.reason()).isEqualTo(StuckReason.POISON_EVENT.name());
        assertThat(failure.causeType()).isEqualTo(SerializationException.class.getName());
    }

    @Test
    void namesAnyOtherFailureByItsRootCause() {
        Failure failure = SagaStepParking.failureOf(new RuntimeException("append failed",
                new SQLException("ERROR: refused by a trigger", "P0001")), 3);

        assertThat(failure.reason()).isEqualTo(StuckReason.HANDLER_FAILED.name());
        assertThat(failure.causeMessage()).isEqualTo("ERROR: refused by a trigger");
    }

    @Test
    void neverParksTheDatabaseBeingAway() {
        assertThat(SagaStepParking.isInfrastructureAway(new RuntimeException(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(SagaStepParking.isInfrastructureAway(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(SagaStepParking.isInfrastructureAway(new RuntimeException(new SQLException("raised", "P0001")))).isFalse();
    }

    /** A segment another instance claimed is its to handle: no attempt of this instance's counts, nothing is parked here. */
    @Test
    void leavesTheEventsOfALostSegmentToItsNewOwner() {
        assertThat(SagaStepParking.claimLost(new RuntimeException(new UnableToClaimTokenException("claimed by another node")))).isTrue();
        assertThat(SagaStepParking.claimLost(new IllegalStateException("refused"))).isFalse();
    }

    /** A charge the broker did not acknowledge in time fails the batch; its orders must wait for the broker, not be parked. */
    @Test
    void neverParksTheBrokerBeingAway() {
        Throwable unacknowledged = new java.util.concurrent.CompletionException(
                new KafkaUnavailableException("payments.requests", new java.util.concurrent.TimeoutException("no answer in 5 s")));

        assertThat(SagaStepParking.isInfrastructureAway(unacknowledged)).isTrue();
        assertThat(SagaStepParking.isInfrastructureAway(new IllegalStateException("refused"))).isFalse();
    }
}

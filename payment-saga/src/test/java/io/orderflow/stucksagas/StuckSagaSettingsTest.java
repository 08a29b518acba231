package io.orderflow.stucksagas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StuckSagaSettingsTest {

    @Test
    void doublesTheBackOffBeforeEachFurtherAttempt() {
        StuckSagaSettings settings = new StuckSagaSettings(4, Duration.ofMillis(300));

        assertThat(settings.backOffBefore(2)).isEqualTo(Duration.ofMillis(300));
        assertThat(settings.backOffBefore(3)).isEqualTo(Duration.ofMillis(600));
        assertThat(settings.backOffBefore(4)).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void refusesAttemptsWhoseWaitsTogetherWouldHoldTheProcessorTooLong() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StuckSagaSettings(4, Duration.ofSeconds(1)))
                .withMessageContaining("PT7S in all");
    }

    @Test
    void refusesNoAttemptAtAllAndTooManyAttempts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StuckSagaSettings(0, Duration.ZERO))
                .withMessageContaining("max-attempts");
        assertThatIllegalArgumentException().isThrownBy(() -> new StuckSagaSettings(64, Duration.ZERO))
                .withMessageContaining("max-attempts");
    }
}

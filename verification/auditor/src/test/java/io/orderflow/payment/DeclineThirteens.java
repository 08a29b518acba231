package io.orderflow.payment;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The audited system's bank, made deterministic: it declines a charge of exactly 13, approves a charge of a
 * multiple of 17 only after {@link #SLOW_ANSWER} (longer than the payment deadline of the stored-forms export),
 * approves any other at once.
 */
@Configuration(proxyBeanMethods = false)
public class DeclineThirteens {

    public static final BigDecimal DECLINED_AMOUNT = new BigDecimal("13");
    public static final BigDecimal SLOW_AMOUNT = new BigDecimal("17");
    static final Duration SLOW_ANSWER = Duration.ofSeconds(4);

    @Bean
    @Primary
    PaymentDecisions deterministicPaymentDecisions() {
        return charge -> {
            if (charge.amount().compareTo(DECLINED_AMOUNT) == 0) {
                return PaymentDecisions.BankAnswer.INSUFFICIENT_FUNDS;
            }
            if (charge.amount().signum() > 0 && charge.amount().remainder(SLOW_AMOUNT).signum() == 0) {
                sleep(SLOW_ANSWER);
            }
            return PaymentDecisions.BankAnswer.APPROVED;
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

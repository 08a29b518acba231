package io.orderflow.payment;

import java.math.BigDecimal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The audited system's bank, made deterministic: it declines a charge of exactly 13, approves any other. */
@Configuration(proxyBeanMethods = false)
public class DeclineThirteens {

    public static final BigDecimal DECLINED_AMOUNT = new BigDecimal("13");

    @Bean
    @Primary
    PaymentDecisions deterministicPaymentDecisions() {
        return charge -> charge.amount().compareTo(DECLINED_AMOUNT) == 0
                ? PaymentDecisions.BankAnswer.INSUFFICIENT_FUNDS
                : PaymentDecisions.BankAnswer.APPROVED;
    }
}

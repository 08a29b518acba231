package io.orderflow.payment;

import static io.orderflow.payment.PaymentDecisions.BankAnswer.INSUFFICIENT_FUNDS;
import static io.orderflow.payment.PaymentFixtures.aPaymentOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.payment.PaymentFixtures.APayment;
import io.orderflow.payment.PaymentLedger.NewEntry;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the ledger tells an auditor, and what its database refuses to record. */
@SpringBootTest
class PaymentLedgerTest {

    @Autowired
    PaymentLedger ledger;
    @Autowired
    PaymentProcessor processor;
    @Autowired
    ScriptedPaymentDecisions bank;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Nested
    class ReadingTheBooks {

        @Test
        void totalsChargesAndRefundsPerCurrency() {
            // CHF is this test's alone; other tests' entries stay out of the difference.
            BigDecimal chargedBefore = ledger.totalCharged("CHF");
            BigDecimal refundedBefore = ledger.totalRefunded("CHF");
            APayment kept = aPaymentOf(new BigDecimal("10.00"), "CHF");
            APayment refunded = aPaymentOf(new BigDecimal("5.50"), "CHF");
            APayment declined = aPaymentOf(new BigDecimal("99.00"), "CHF");
            bank.willAnswer(declined.paymentId(), INSUFFICIENT_FUNDS);

            process(kept.charge());
            process(refunded.charge());
            process(refunded.refund());
            process(declined.charge());

            assertThat(ledger.totalCharged("CHF").subtract(chargedBefore)).isEqualByComparingTo("15.50");
            assertThat(ledger.totalRefunded("CHF").subtract(refundedBefore)).isEqualByComparingTo("5.50");
            assertThat(ledger.totalCharged()).containsEntry("CHF", ledger.totalCharged("CHF"));
            assertThat(ledger.totalRefunded()).containsEntry("CHF", ledger.totalRefunded("CHF"));
        }

        @Test
        void totalsNothingInACurrencyNeverCharged() {
            assertThat(ledger.totalCharged("XTS")).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(ledger.totalCharged()).doesNotContainKey("XTS");
        }

        @Test
        void listsEveryPaymentOfAnOrderOldestFirst() {
            APayment declined = aPaymentOf(new BigDecimal("20.00"), "EUR");
            APayment retried = aPaymentOf(declined.orderId(), new BigDecimal("20.00"), "EUR");
            bank.willAnswer(declined.paymentId(), INSUFFICIENT_FUNDS);

            process(declined.charge());
            process(retried.charge());
            process(retried.refund());

            assertThat(ledger.entriesOfOrder(declined.orderId()))
                    .extracting(LedgerEntry::paymentId, LedgerEntry::kind, LedgerEntry::amount, LedgerEntry::reason)
                    .containsExactly(
                            tuple(declined.paymentId(), EntryKind.DECLINE, new BigDecimal("20.00"), "INSUFFICIENT_FUNDS"),
                            tuple(retried.paymentId(), EntryKind.CHARGE, new BigDecimal("20.00"), null),
                            tuple(retried.paymentId(), EntryKind.REFUND, new BigDecimal("20.00"), null));
            assertThat(ledger.chargesOf(declined.paymentId())).isZero();
            assertThat(ledger.chargesOf(retried.paymentId())).isEqualTo(1);
            assertThat(ledger.refundsOf(retried.paymentId())).isEqualTo(1);
        }

        @Test
        void readsAmountsInTheScaleOfTheirCurrency() {
            assertThat(PaymentLedger.inCurrencyScale(new BigDecimal("49.8000"), "EUR")).isEqualTo(new BigDecimal("49.80"));
            assertThat(PaymentLedger.inCurrencyScale(new BigDecimal("1200.0000"), "JPY")).isEqualTo(new BigDecimal("1200"));
            assertThat(PaymentLedger.inCurrencyScale(new BigDecimal("10.1250"), "EUR")).isEqualTo(new BigDecimal("10.125"));
            assertThat(PaymentLedger.inCurrencyScale(new BigDecimal("10.0000"), "XTS")).isEqualTo(new BigDecimal("10"));
        }
    }

    @Nested
    class KeepingItselfHonest {

        final APayment payment = aPaymentOf(new BigDecimal("30.00"), "EUR");

        @Test
        void recordsAChargeOnceHoweverOftenItIsAppended() {
            boolean first = appendInItsTransaction(entry(payment, EntryKind.CHARGE));
            boolean second = appendInItsTransaction(entry(payment, EntryKind.CHARGE));

            assertThat(first).isTrue();
            assertThat(second).isFalse();
            assertThat(ledger.chargesOf(payment.paymentId())).isEqualTo(1);
        }

        @Test
        void neverRecordsADeclineOfAChargedPayment() {
            appendInItsTransaction(entry(payment, EntryKind.CHARGE));

            assertThat(appendInItsTransaction(entry(payment, EntryKind.DECLINE))).isFalse();
            assertThat(ledger.entriesOfPayment(payment.paymentId())).extracting(LedgerEntry::kind).containsExactly(EntryKind.CHARGE);
        }

        @Test
        void neverRecordsAVoidOfAChargedPayment() {
            appendInItsTransaction(entry(payment, EntryKind.CHARGE));

            assertThat(appendInItsTransaction(entry(payment, EntryKind.VOID))).isFalse();
            assertThat(ledger.entriesOfPayment(payment.paymentId())).extracting(LedgerEntry::kind).containsExactly(EntryKind.CHARGE);
        }

        @Test
        void refusesToChangeOrDeleteARecordedEntry() {
            appendInItsTransaction(entry(payment, EntryKind.CHARGE));

            assertThatThrownBy(() -> jdbc.update("UPDATE payments.ledger_entry SET amount = 1 WHERE payment_id = ?", payment.paymentId()))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("DELETE FROM payments.ledger_entry WHERE payment_id = ?", payment.paymentId()))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
            assertThat(ledger.entriesOfPayment(payment.paymentId())).extracting(LedgerEntry::amount).containsExactly(new BigDecimal("30.00"));
        }

        private boolean appendInItsTransaction(NewEntry entry) {
            return Boolean.TRUE.equals(new TransactionTemplate(transactionManager).execute(transaction -> {
                ledger.lock(entry.paymentId(), entry.orderId());
                return ledger.append(entry);
            }));
        }

        private NewEntry entry(APayment payment, EntryKind kind) {
            return new NewEntry(payment.paymentId(), payment.orderId(), kind, payment.amount(), payment.currency(), null);
        }
    }

    private void process(PaymentRequest request) {
        processor.process(request).block(Duration.ofSeconds(30));
    }
}

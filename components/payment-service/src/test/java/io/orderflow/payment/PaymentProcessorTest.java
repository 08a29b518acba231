package io.orderflow.payment;

import static io.orderflow.payment.PaymentDecisions.BankAnswer.APPROVED;
import static io.orderflow.payment.PaymentDecisions.BankAnswer.INSUFFICIENT_FUNDS;
import static io.orderflow.payment.PaymentDecisions.BankAnswer.TECHNICAL_FAILURE;
import static io.orderflow.payment.PaymentFixtures.aPayment;
import static io.orderflow.payment.PaymentFixtures.aPaymentOf;
import static io.orderflow.payment.PaymentFixtures.answerTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.contracts.payment.PaymentOutcome;
import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.contracts.payment.PaymentResult;
import io.orderflow.payment.PaymentFixtures.APayment;
import io.orderflow.payment.PaymentLedger.NewEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The provider's decisions on a real PostgreSQL; the bank follows each test's script. */
@SpringBootTest
class PaymentProcessorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    PaymentProcessor processor;
    @Autowired
    PaymentLedger ledger;
    @Autowired
    ScriptedPaymentDecisions bank;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    final APayment payment = aPayment();

    @Nested
    class Charging {

        @Test
        void approvesAChargeTheBankAcceptsAndRecordsTheCharge() {
            bank.willAnswer(payment.paymentId(), APPROVED);

            assertThat(process(payment.charge())).isEqualTo(payment.approved());
            assertThat(kindsOf(payment)).containsExactly(EntryKind.CHARGE);
            assertThat(ledger.entriesOfPayment(payment.paymentId()).get(0))
                    .extracting(LedgerEntry::orderId, LedgerEntry::amount, LedgerEntry::currency)
                    .containsExactly(payment.orderId(), new BigDecimal("49.80"), "EUR");
        }

        @Test
        void declinesAChargeTheBankRefusesAndRecordsTheDecline() {
            bank.willAnswer(payment.paymentId(), INSUFFICIENT_FUNDS);

            assertThat(process(payment.charge())).isEqualTo(payment.chargeDeclined("INSUFFICIENT_FUNDS"));
            assertThat(kindsOf(payment)).containsExactly(EntryKind.DECLINE);
            assertThat(ledger.chargesOf(payment.paymentId())).isZero();
        }

        @Test
        void answersARepeatedChargeUnchangedAndChargesOnce() {
            PaymentResult first = process(payment.charge());

            PaymentResult again = process(payment.charge());

            assertThat(again).isEqualTo(first).isEqualTo(payment.approved());
            assertThat(ledger.chargesOf(payment.paymentId())).isEqualTo(1);
            assertThat(bank.attemptsFor(payment.paymentId())).as("the bank is asked once").isEqualTo(1);
        }

        @Test
        void answersARepeatedDeclinedChargeUnchangedWithoutAskingTheBankAgain() {
            bank.willAnswer(payment.paymentId(), INSUFFICIENT_FUNDS, APPROVED);
            PaymentResult first = process(payment.charge());

            PaymentResult again = process(payment.charge());

            assertThat(again).isEqualTo(first).isEqualTo(payment.chargeDeclined("INSUFFICIENT_FUNDS"));
            assertThat(kindsOf(payment)).containsExactly(EntryKind.DECLINE);
            assertThat(bank.attemptsFor(payment.paymentId())).isEqualTo(1);
        }

        @Test
        void declinesAChargeOfAPaymentVoidedBeforeItWithoutCharging() {
            assertThat(process(payment.voiding())).isEqualTo(payment.voided());

            assertThat(process(payment.charge())).isEqualTo(payment.chargeDeclined("VOIDED"));
            assertThat(process(payment.charge())).isEqualTo(payment.chargeDeclined("VOIDED"));
            assertThat(kindsOf(payment)).containsExactly(EntryKind.VOID);
            assertThat(bank.attemptsFor(payment.paymentId())).isZero();
        }

        @Test
        void answersTheAmountInTheCurrencysScale() {
            APayment yen = aPaymentOf(new BigDecimal("1200"), "JPY");

            assertThat(process(yen.charge()).amount()).isEqualTo(new BigDecimal("1200"));
        }
    }

    @Nested
    class WhenTheBankIsUnreachable {

        @Test
        void retriesFailedAttemptsAndApprovesOnceTheBankAnswers() {
            bank.willAnswer(payment.paymentId(), TECHNICAL_FAILURE, TECHNICAL_FAILURE, APPROVED);

            assertThat(process(payment.charge())).isEqualTo(payment.approved());
            assertThat(bank.attemptsFor(payment.paymentId())).isEqualTo(3);
            assertThat(kindsOf(payment)).containsExactly(EntryKind.CHARGE);
        }

        @Test
        void declinesProviderUnavailableOnceEveryRetryFailed() {
            bank.willAnswer(payment.paymentId(), TECHNICAL_FAILURE, TECHNICAL_FAILURE, TECHNICAL_FAILURE, TECHNICAL_FAILURE);

            assertThat(process(payment.charge())).isEqualTo(payment.chargeDeclined("PROVIDER_UNAVAILABLE"));
            assertThat(bank.attemptsFor(payment.paymentId())).as("the first attempt and 3 retries").isEqualTo(4);
            assertThat(kindsOf(payment)).containsExactly(EntryKind.DECLINE);
        }

        @Test
        void answersProviderUnavailableAgainWhenTheChargeIsRepeated() {
            bank.willAnswer(payment.paymentId(), TECHNICAL_FAILURE, TECHNICAL_FAILURE, TECHNICAL_FAILURE, TECHNICAL_FAILURE);
            process(payment.charge());

            // The script is spent: a bank asked again would approve.
            assertThat(process(payment.charge())).isEqualTo(payment.chargeDeclined("PROVIDER_UNAVAILABLE"));
            assertThat(bank.attemptsFor(payment.paymentId())).isEqualTo(4);
            assertThat(kindsOf(payment)).containsExactly(EntryKind.DECLINE);
        }
    }

    @Nested
    class Voiding {

        @Test
        void voidsAPaymentNotChargedYet() {
            assertThat(process(payment.voiding())).isEqualTo(payment.voided());
            assertThat(kindsOf(payment)).containsExactly(EntryKind.VOID);
        }

        @Test
        void answersARepeatedVoidUnchanged() {
            process(payment.voiding());

            assertThat(process(payment.voiding())).isEqualTo(payment.voided());
            assertThat(kindsOf(payment)).containsExactly(EntryKind.VOID);
        }

        @Test
        void refundsAPaymentChargedBeforeTheVoidArrived() {
            process(payment.charge());

            assertThat(process(payment.voiding())).isEqualTo(payment.refundedOn(payment.voiding()));
            assertThat(kindsOf(payment)).containsExactly(EntryKind.CHARGE, EntryKind.REFUND);
            assertThat(ledger.entriesOfPayment(payment.paymentId()).get(1).reason()).isEqualTo(PaymentProcessor.REFUND_CAUSED_BY_VOID);
        }

        @Test
        void refundsOnceWhenTheVoidOfAChargedPaymentIsRepeated() {
            process(payment.charge());
            process(payment.voiding());

            assertThat(process(payment.voiding())).isEqualTo(payment.refundedOn(payment.voiding()));
            assertThat(ledger.refundsOf(payment.paymentId())).isEqualTo(1);
        }

        @Test
        void voidsADeclinedPaymentWithoutMovingMoney() {
            bank.willAnswer(payment.paymentId(), INSUFFICIENT_FUNDS);
            process(payment.charge());

            assertThat(process(payment.voiding())).isEqualTo(payment.voided());
            assertThat(kindsOf(payment)).containsExactly(EntryKind.DECLINE, EntryKind.VOID);
            assertThat(process(payment.charge())).as("the decision stands").isEqualTo(payment.chargeDeclined("INSUFFICIENT_FUNDS"));
        }
    }

    @Nested
    class Refunding {

        @Test
        void refundsAChargedPayment() {
            process(payment.charge());

            assertThat(process(payment.refund())).isEqualTo(payment.refundedOn(payment.refund()));
            assertThat(kindsOf(payment)).containsExactly(EntryKind.CHARGE, EntryKind.REFUND);
        }

        @Test
        void refundsOnceWhenTheRefundIsRepeated() {
            process(payment.charge());
            process(payment.refund());

            assertThat(process(payment.refund())).isEqualTo(payment.refundedOn(payment.refund()));
            assertThat(ledger.refundsOf(payment.paymentId())).isEqualTo(1);
        }

        @Test
        void answersARefundOfAPaymentAVoidAlreadyRefundedWithoutASecondRefund() {
            process(payment.charge());
            process(payment.voiding());

            assertThat(process(payment.refund())).isEqualTo(payment.refundedOn(payment.refund()));
            assertThat(ledger.refundsOf(payment.paymentId())).isEqualTo(1);
        }

        @Test
        void refundsWhatWasChargedWhateverAmountTheRefundNames() {
            process(payment.charge());
            PaymentRequest tooMuch = PaymentRequest.of(payment.refund().type(), payment.paymentId(), payment.orderId(),
                    new BigDecimal("1000.00"), payment.currency());

            assertThat(process(tooMuch).amount()).isEqualTo(payment.amount());
            assertThat(ledger.entriesOfPayment(payment.paymentId()))
                    .filteredOn(entry -> entry.kind() == EntryKind.REFUND)
                    .extracting(LedgerEntry::amount)
                    .containsExactly(payment.amount());
        }

        @Test
        void declinesARefundOfAPaymentNeverCharged() {
            assertThat(process(payment.refund()))
                    .isEqualTo(answerTo(payment.refund(), PaymentOutcome.DECLINED, "NOTHING_TO_REFUND"));
            assertThat(kindsOf(payment)).isEmpty();
        }

        @Test
        void declinesARefundOfADeclinedPayment() {
            bank.willAnswer(payment.paymentId(), INSUFFICIENT_FUNDS);
            process(payment.charge());

            assertThat(process(payment.refund()))
                    .isEqualTo(answerTo(payment.refund(), PaymentOutcome.DECLINED, "NOTHING_TO_REFUND"));
            assertThat(kindsOf(payment)).containsExactly(EntryKind.DECLINE);
        }
    }

    @Nested
    class UnderConcurrency {

        private static final int THREADS = 20;

        @Test
        void chargesOnceWhenTheSameChargeArrivesOnManyThreadsAtOnce() throws Exception {
            List<PaymentResult> answers = allAtOnce(Collections.nCopies(THREADS, payment.charge()));

            assertThat(answers).hasSize(THREADS).containsOnly(payment.approved());
            assertThat(ledger.chargesOf(payment.paymentId())).isEqualTo(1);
            assertThat(kindsOf(payment)).containsExactly(EntryKind.CHARGE);
        }

        @Test
        void eitherPreventsOrRefundsAChargeThatRacesItsVoid() throws Exception {
            // An early refund makes the payment known, so the racers do not queue behind the first one creating its row.
            process(payment.refund());
            List<PaymentRequest> racing = new ArrayList<>();
            for (int i = 0; i < THREADS / 2; i++) {
                racing.add(payment.charge());
                racing.add(payment.voiding());
            }

            List<PaymentResult> answers = allAtOnce(racing);

            List<PaymentResult> toCharges = answers.stream().filter(answer -> answer.requestId().endsWith(":CHARGE")).toList();
            List<PaymentResult> toVoids = answers.stream().filter(answer -> answer.requestId().endsWith(":VOID")).toList();
            if (ledger.chargesOf(payment.paymentId()) == 1) {
                assertThat(kindsOf(payment)).containsExactly(EntryKind.CHARGE, EntryKind.REFUND);
                assertThat(toCharges).containsOnly(payment.approved());
                assertThat(toVoids).containsOnly(payment.refundedOn(payment.voiding()));
            } else {
                assertThat(kindsOf(payment)).containsExactly(EntryKind.VOID);
                assertThat(toCharges).containsOnly(payment.chargeDeclined("VOIDED"));
                assertThat(toVoids).containsOnly(payment.voided());
            }
        }

        @Test
        void refundsAChargeThatCommitsWhileTheVoidWaitsForIt() throws Exception {
            // An early refund makes the payment known: the void cannot merely queue behind the creation of its row.
            process(payment.refund());
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch chargeRecorded = new CountDownLatch(1);
                CountDownLatch commitTheCharge = new CountDownLatch(1);
                Future<?> charging = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
                    ledger.lock(payment.paymentId(), payment.orderId());
                    ledger.append(new NewEntry(payment.paymentId(), payment.orderId(), EntryKind.CHARGE, payment.amount(), payment.currency(), null));
                    chargeRecorded.countDown();
                    awaitUninterruptibly(commitTheCharge);
                }));
                chargeRecorded.await();

                Future<PaymentResult> voiding = threads.submit(() -> process(payment.voiding()));
                await().atMost(TIMEOUT).until(() -> aPaymentsStatementWaitsForALock());
                commitTheCharge.countDown();
                charging.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

                assertThat(voiding.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(payment.refundedOn(payment.voiding()));
                assertThat(kindsOf(payment)).containsExactly(EntryKind.CHARGE, EntryKind.REFUND);
            } finally {
                threads.shutdownNow();
            }
        }

        private boolean aPaymentsStatementWaitsForALock() {
            Integer waiting = jdbc.queryForObject(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%payments.%'", Integer.class);
            return waiting != null && waiting > 0;
        }

        private static void awaitUninterruptibly(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private List<PaymentResult> allAtOnce(List<PaymentRequest> requests) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(requests.size());
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<PaymentResult>> answers = new ArrayList<>();
                for (PaymentRequest request : requests) {
                    Callable<PaymentResult> call = () -> {
                        start.await();
                        return process(request);
                    };
                    answers.add(threads.submit(call));
                }
                start.countDown();
                List<PaymentResult> results = new ArrayList<>();
                for (Future<PaymentResult> answer : answers) {
                    results.add(answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
                }
                return results;
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private PaymentResult process(PaymentRequest request) {
        return processor.process(request).block(TIMEOUT);
    }

    private List<EntryKind> kindsOf(APayment payment) {
        return ledger.entriesOfPayment(payment.paymentId()).stream().map(LedgerEntry::kind).toList();
    }
}

package io.orderflow.payment;

import static io.orderflow.payment.PaymentDecisions.BankAnswer.TECHNICAL_FAILURE;

import io.orderflow.contracts.payment.PaymentOutcome;
import io.orderflow.contracts.payment.PaymentRequest;
import io.orderflow.contracts.payment.PaymentRequestType;
import io.orderflow.contracts.payment.PaymentResult;
import io.orderflow.payment.PaymentDecisions.BankAnswer;
import io.orderflow.payment.PaymentLedger.NewEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The provider's logic. Each request first records what it changes, then is answered from what the
 * ledger holds, so a request delivered twice gets the same answer and moves money at most once.
 * <ul>
 * <li>CHARGE: a decided payment gets its decision again; a voided one is declined VOIDED without a
 * charge; otherwise the bank decides (technical failures retried, then declined PROVIDER_UNAVAILABLE).
 * <li>VOID: a charged payment is refunded (the void lost the race against the charge); an uncharged one
 * is voided, and a charge arriving later is declined.
 * <li>REFUND: a charged payment is refunded once; anything else is declined NOTHING_TO_REFUND.
 * </ul>
 */
final class PaymentProcessor {

    /** Reason of a refund that a void caused, so an audit tells it from a requested refund. */
    static final String REFUND_CAUSED_BY_VOID = "VOIDED_AFTER_CHARGE";

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessor.class);

    private final PaymentLedger ledger;
    private final TransactionTemplate transactions;
    private final PaymentDecisions bank;
    private final Duration latency;
    private final RetryBackoffSpec technicalRetries;

    PaymentProcessor(PaymentLedger ledger, PlatformTransactionManager transactionManager, PaymentDecisions bank,
                     Duration latency, int technicalRetries, Duration technicalBackoff) {
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
        this.bank = bank;
        this.latency = latency;
        this.technicalRetries = Retry.backoff(technicalRetries, technicalBackoff)
                .filter(BankUnreachable.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /** Answers after the provider's latency, without blocking the caller's thread: JDBC runs on boundedElastic. */
    Mono<PaymentResult> process(PaymentRequest request) {
        return Mono.delay(latency)
                .then(blocking(() -> ledger.historyOf(request.paymentId())))
                .flatMap(history -> needsTheBank(request, history)
                        ? askTheBank(request).map(Optional::of)
                        : Mono.just(Optional.<BankAnswer>empty()))
                .flatMap(bankAnswer -> blocking(() -> decide(request, bankAnswer)))
                .doOnNext(result -> log.debug("{} answered {} {}", result.requestId(), result.outcome(), result.reason()));
    }

    /** Only a charge of a payment that is neither decided nor voided goes to the bank; both facts are final. */
    private static boolean needsTheBank(PaymentRequest request, PaymentHistory history) {
        return request.type() == PaymentRequestType.CHARGE && history.decision().isEmpty() && !history.isVoided();
    }

    private Mono<BankAnswer> askTheBank(PaymentRequest charge) {
        return Mono.fromSupplier(() -> bank.attempt(charge))
                .flatMap(answer -> answer == TECHNICAL_FAILURE ? Mono.<BankAnswer>error(new BankUnreachable()) : Mono.just(answer))
                .retryWhen(technicalRetries)
                .onErrorResume(BankUnreachable.class, gaveUp -> Mono.just(TECHNICAL_FAILURE));
    }

    /** One transaction: lock the payment, record what the request changes, answer from what is recorded. */
    private PaymentResult decide(PaymentRequest request, Optional<BankAnswer> bankAnswer) {
        return Objects.requireNonNull(transactions.execute(transaction -> {
            ledger.lock(request.paymentId(), request.orderId());
            whatToRecord(request, ledger.historyOf(request.paymentId()), bankAnswer).ifPresent(ledger::append);
            return answer(request, ledger.historyOf(request.paymentId()));
        }));
    }

    private static Optional<NewEntry> whatToRecord(PaymentRequest request, PaymentHistory history, Optional<BankAnswer> bankAnswer) {
        return switch (request.type()) {
            case CHARGE -> needsTheBank(request, history)
                    ? Optional.of(decisionOn(request, bankAnswer.orElseThrow(
                            () -> new IllegalStateException("Charge " + request.requestId() + " reached a decision without the bank"))))
                    : Optional.empty();
            case VOID -> history.isCharged() ? refundOnce(request, history, REFUND_CAUSED_BY_VOID) : voidOnce(request, history);
            case REFUND -> history.isCharged() ? refundOnce(request, history, null) : Optional.empty();
        };
    }

    private static NewEntry decisionOn(PaymentRequest charge, BankAnswer answer) {
        return switch (answer) {
            case APPROVED -> newEntry(charge, EntryKind.CHARGE, null);
            case INSUFFICIENT_FUNDS -> newEntry(charge, EntryKind.DECLINE, DeclineReason.INSUFFICIENT_FUNDS.name());
            case TECHNICAL_FAILURE -> newEntry(charge, EntryKind.DECLINE, DeclineReason.PROVIDER_UNAVAILABLE.name());
        };
    }

    private static Optional<NewEntry> voidOnce(PaymentRequest request, PaymentHistory history) {
        return history.isVoided() ? Optional.empty() : Optional.of(newEntry(request, EntryKind.VOID, null));
    }

    /** A refund gives back exactly what was charged, whatever amount the request names. */
    private static Optional<NewEntry> refundOnce(PaymentRequest request, PaymentHistory history, String reason) {
        if (history.isRefunded()) {
            return Optional.empty();
        }
        LedgerEntry charge = history.entry(EntryKind.CHARGE).orElseThrow();
        return Optional.of(new NewEntry(request.paymentId(), request.orderId(), EntryKind.REFUND, charge.amount(), charge.currency(), reason));
    }

    private static PaymentResult answer(PaymentRequest request, PaymentHistory history) {
        return switch (request.type()) {
            case CHARGE -> history.decision()
                    .map(decision -> decision.kind() == EntryKind.CHARGE
                            ? answer(request, PaymentOutcome.APPROVED, null, decision)
                            : answer(request, PaymentOutcome.DECLINED, decision.reason(), decision))
                    .orElseGet(() -> declined(request, DeclineReason.VOIDED));
            case VOID -> history.entry(EntryKind.REFUND)
                    .or(() -> history.entry(EntryKind.VOID))
                    .map(entry -> answer(request, entry.kind() == EntryKind.REFUND ? PaymentOutcome.REFUNDED : PaymentOutcome.VOIDED, null, entry))
                    .orElseThrow(() -> new IllegalStateException("Void " + request.requestId() + " recorded neither a void nor a refund"));
            case REFUND -> history.entry(EntryKind.REFUND)
                    .map(refund -> answer(request, PaymentOutcome.REFUNDED, null, refund))
                    .orElseGet(() -> declined(request, DeclineReason.NOTHING_TO_REFUND));
        };
    }

    private static PaymentResult answer(PaymentRequest request, PaymentOutcome outcome, String reason, LedgerEntry entry) {
        return result(request, outcome, reason, entry.amount(), entry.currency());
    }

    private static PaymentResult declined(PaymentRequest request, DeclineReason reason) {
        return result(request, PaymentOutcome.DECLINED, reason.name(), request.amount(), request.currency());
    }

    private static PaymentResult result(PaymentRequest request, PaymentOutcome outcome, String reason, BigDecimal amount, String currency) {
        return new PaymentResult(PaymentResult.CURRENT_VERSION, request.requestId(), request.paymentId(), request.orderId(),
                outcome, reason, amount, currency);
    }

    private static NewEntry newEntry(PaymentRequest request, EntryKind kind, String reason) {
        return new NewEntry(request.paymentId(), request.orderId(), kind, request.amount(), request.currency(), reason);
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    /** One attempt at the bank failed for a technical reason; retried, never shown to the requester. */
    private static final class BankUnreachable extends RuntimeException {

        BankUnreachable() {
            super("The bank could not be reached", null, false, false);
        }
    }
}

package io.orderflow.payment;

import io.orderflow.contracts.payment.PaymentRequest;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A bank that answers each payment's attempts as its test scripted them, and approves once the script is spent. */
final class ScriptedPaymentDecisions implements PaymentDecisions {

    private final Map<String, Queue<BankAnswer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    void willAnswer(String paymentId, BankAnswer... answers) {
        scripts.computeIfAbsent(paymentId, id -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    int attemptsFor(String paymentId) {
        AtomicInteger count = attempts.get(paymentId);
        return count == null ? 0 : count.get();
    }

    @Override
    public BankAnswer attempt(PaymentRequest charge) {
        attempts.computeIfAbsent(charge.paymentId(), id -> new AtomicInteger()).incrementAndGet();
        Queue<BankAnswer> script = scripts.get(charge.paymentId());
        BankAnswer next = script == null ? null : script.poll();
        return next == null ? BankAnswer.APPROVED : next;
    }
}

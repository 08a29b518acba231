package io.orderflow.edge.dispatch;

/**
 * One signal of a followed query: the current answer ({@link Current}), then each change ({@link Change}).
 *
 * @param <I> the type of the current answer
 * @param <U> the type of a change
 */
public sealed interface Live<I, U> {

    /** The answer at the time the subscription started. */
    record Current<I, U>(I value) implements Live<I, U> {
    }

    /** A change announced after the subscription started. */
    record Change<I, U>(U value) implements Live<I, U> {
    }
}

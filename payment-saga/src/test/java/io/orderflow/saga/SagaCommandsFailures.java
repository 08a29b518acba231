package io.orderflow.saga;

/** Failed saga commands, as {@link SagaCommands} reports them, for tests outside its package. */
public final class SagaCommandsFailures {

    private SagaCommandsFailures() {
    }

    public static SagaCommands.CommandFailed failed(Object command, Throwable cause) {
        return new SagaCommands.CommandFailed(command, cause);
    }
}

package io.orderflow.auditor;

/**
 * The auditor as a command: prints the report and exits 0 when it is clean, 1 when a check found a
 * violation, 2 when the audit itself could not run.
 */
public final class AuditorApplication {

    static final int CLEAN = 0;
    static final int VIOLATIONS = 1;
    static final int COULD_NOT_RUN = 2;

    private AuditorApplication() {
    }

    public static void main(String[] args) {
        System.exit(audit(args));
    }

    /** What {@link #main} does, without leaving the JVM: answers the exit status. */
    static int audit(String... args) {
        AuditReport report;
        try {
            report = Auditor.run(args);
        } catch (RuntimeException e) {
            System.err.println("The audit could not run: " + rootMessage(e));
            return COULD_NOT_RUN;
        }
        System.out.print(report.render());
        return report.clean() ? CLEAN : VIOLATIONS;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
    }
}

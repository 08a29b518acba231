package io.orderflow.auth.account;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A password that bcrypt reads whole: at most {@code max} bytes in UTF-8. bcrypt reads at most 72 bytes, so a
 * longer password would be silently truncated. Checked in the group {@link Checked}, after the request's other
 * constraints hold (a {@code @GroupSequence} on the request), so that an invalid request is told its other
 * errors first, as a check after validation would.
 */
@Documented
@Constraint(validatedBy = HashablePassword.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface HashablePassword {

    String message() default "must be at most {max} bytes in UTF-8";

    int max() default Credentials.MAX_PASSWORD_BYTES;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validation group of this constraint, second in the request's group sequence. */
    interface Checked {
    }

    /** Counts the bytes; null is another constraint's business. */
    class Validator implements ConstraintValidator<HashablePassword, String> {

        private int max;

        @Override
        public void initialize(HashablePassword constraint) {
            this.max = constraint.max();
        }

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || Credentials.hashable(password, max);
        }
    }
}

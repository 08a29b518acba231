package io.orderflow.edge.order;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code in capitals, such as {@code DE}. Null is valid; combine with {@code @NotNull}. */
@Documented
@Constraint(validatedBy = IsoCountryCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCountryCode {

    String message() default "must be an ISO 3166-1 alpha-2 country code, such as DE";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the code against the JDK's list of ISO 3166 countries. */
    class Validator implements ConstraintValidator<IsoCountryCode, String> {

        private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || COUNTRIES.contains(value);
        }
    }
}

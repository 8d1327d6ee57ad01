package cn.gov.shuozhou.makerspace.common;

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

/** A unified social credit code with a valid check character ({@link CreditCode}); null passes. */
@Documented
@Constraint(validatedBy = ValidCreditCode.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface ValidCreditCode {

  String message() default CreditCode.DEFECT;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<ValidCreditCode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || CreditCode.isValid(value);
    }
  }
}

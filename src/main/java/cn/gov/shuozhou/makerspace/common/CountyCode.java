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

/** The code of a {@link County} (Art. 2); null passes (presence is {@code @NotBlank}'s). */
@Documented
@Constraint(validatedBy = CountyCode.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface CountyCode {

  /** "取值无效，应为：shuocheng、…", the codes filled in by the check. */
  String message() default "{codes}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<CountyCode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return OneOf.Check.isOneOf(value, County.codes(), context);
    }
  }
}

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
import java.util.Collection;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** A code that must be one of {@link #value} (null passes: presence is {@code @NotBlank}'s). */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface OneOf {

  String[] value();

  /** "取值无效，应为：a、b", the codes filled in by the check ({@link Inputs#notOneOf}). */
  String message() default "{codes}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<OneOf, String> {

    private List<String> allowed;

    @Override
    public void initialize(OneOf annotation) {
      allowed = List.of(annotation.value());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return isOneOf(value, allowed, context);
    }

    /** Shared with {@link CountyCode}: valid, or invalid with the allowed codes as the message. */
    static boolean isOneOf(String value, Collection<String> allowed, ConstraintValidatorContext context) {
      if (value == null || allowed.contains(value)) {
        return true;
      }
      context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("codes", Inputs.notOneOf(allowed));
      return false;
    }
  }
}

package uk.yourarea.postcode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * A whole postcode, as {@link Postcode#parse} reads it (any spacing or case). Null and
 * blank are valid: pair it with {@code @NotBlank} where an answer is needed. Say what to
 * type in the message, from messages.properties.
 */
@Documented
@Constraint(validatedBy = FullPostcode.Validator.class)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface FullPostcode {

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks that text is blank or a whole postcode. */
	class Validator implements ConstraintValidator<FullPostcode, CharSequence> {

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			return value == null || value.toString().isBlank() || Postcode.parse(value.toString()).isPresent();
		}

	}

}

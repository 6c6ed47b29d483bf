package uk.yourarea.web;

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
 * Text of one line, such as a name, an email address or a postcode: no control
 * characters, no line or paragraph separators and no bidirectional override controls
 * ({@link PlainTextCharacters}). Null is valid (pair it with {@code @NotBlank} where an
 * answer is needed). Say which field in the message, from messages.properties:
 * {@code @SingleLine(message = "{contact.form.name.characters}")}.
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

	String message() default "{web.validation.single-line}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a {@link CharSequence} against the rules for text of one line. */
	class Validator implements ConstraintValidator<SingleLine, CharSequence> {

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			return value == null || PlainTextCharacters.acceptable(value, true)
					|| UntypeableInputIsBadRequest.refused();
		}

	}

}

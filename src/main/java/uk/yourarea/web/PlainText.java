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
 * Text of several lines, such as a message: no control characters other than tab and line
 * breaks ({@link PlainTextCharacters}). Null is valid (pair it with {@code @NotBlank}
 * where an answer is needed). Say which field in the message, from messages.properties:
 * {@code @PlainText(message = "{contact.form.message.characters}")}.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{web.validation.plain-text}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a {@link CharSequence} against the rules for text of several lines. */
	class Validator implements ConstraintValidator<PlainText, CharSequence> {

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			return value == null || PlainTextCharacters.acceptable(value, false)
					|| UntypeableInputIsBadRequest.refused();
		}

	}

}

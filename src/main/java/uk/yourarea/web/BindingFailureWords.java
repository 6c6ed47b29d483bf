package uk.yourarea.web;

import org.springframework.beans.PropertyAccessException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.Assert;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A value no field of a form can take (a choice none of its radios offers, letters where
 * an id goes) is refused in the bundle's words, in the page's language: "Select one of
 * the options" ({@code web.validation.choose}). {@link FormErrors} shows it like any
 * other error; Spring's own message, which names classes, goes only into the log.
 */
@ControllerAdvice
public class BindingFailureWords {

	private final MessageSource messages;

	public BindingFailureWords(MessageSource messages) {
		this.messages = messages;
	}

	@InitBinder
	void sayBindingFailuresInTheBundlesWords(WebDataBinder binder) {
		binder.setBindingErrorProcessor(new InTheBundlesWords());
	}

	/** Spring's processor, with the bundle's words as the error's message. */
	private final class InTheBundlesWords extends DefaultBindingErrorProcessor {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
			String field = ex.getPropertyName();
			Assert.state(field != null, "No field in exception");
			Object rejected = ex.getValue();
			if (ObjectUtils.isArray(rejected)) {
				rejected = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(rejected));
			}
			FieldError error = new FieldError(bindingResult.getObjectName(), field, rejected, true,
					bindingResult.resolveMessageCodes(ex.getErrorCode(), field),
					getArgumentsForBindError(bindingResult.getObjectName(), field), BindingFailureWords.this.messages
						.getMessage("web.validation.choose", null, LocaleContextHolder.getLocale()));
			error.wrap(ex);
			bindingResult.addError(error);
		}

	}

}

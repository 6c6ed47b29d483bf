package uk.yourarea.web;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Says a key of the bundles with its arguments ({@link Phrase}) in the page's language,
 * for a template that is given one rather than a key it names itself: every page has it
 * as {@code words}, {@code ${words.of(member.titledName)}}.
 */
public final class Words {

	private final MessageSource messages;

	public Words(MessageSource messages) {
		this.messages = messages;
	}

	public String of(MessageSourceResolvable phrase) {
		return this.messages.getMessage(phrase, LocaleContextHolder.getLocale());
	}

}

package uk.yourarea.contact;

import java.util.Locale;

/** What a resident's message is about; lets the team sort and report on messages. */
public enum Topic {

	ANTI_SOCIAL_BEHAVIOUR, SPEEDING_AND_ROADS, DRUGS, THEFT_OR_BURGLARY, GENERAL_ENQUIRY, OTHER;

	/**
	 * The key of the label in the bundle, for public pages, emails and the staff pages in
	 * their language.
	 */
	public String labelKey() {
		return "contact.form.topic." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

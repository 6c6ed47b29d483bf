package uk.yourarea.contact;

import java.util.Locale;

/** What a resident's message is about; lets the team sort and report on messages. */
public enum Topic {

	ANTI_SOCIAL_BEHAVIOUR("Anti-social behaviour"), SPEEDING_AND_ROADS("Speeding and roads"), DRUGS("Drugs"),
	THEFT_OR_BURGLARY("Theft or burglary concern"), GENERAL_ENQUIRY("General enquiry"), OTHER("Something else");

	private final String label;

	Topic(String label) {
		this.label = label;
	}

	/** The label in English, as staff pages show it. */
	public String label() {
		return this.label;
	}

	/**
	 * The key of the label in the bundle, for public pages and emails in their language.
	 */
	public String labelKey() {
		return "contact.form.topic." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

package uk.yourarea.contact;

/** What a resident's message is about; lets the team sort and report on messages. */
public enum Topic {

	ANTI_SOCIAL_BEHAVIOUR("Anti-social behaviour"), SPEEDING_AND_ROADS("Speeding and roads"), DRUGS("Drugs"),
	THEFT_OR_BURGLARY("Theft or burglary concern"), GENERAL_ENQUIRY("General enquiry"), OTHER("Something else");

	private final String label;

	Topic(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}

package uk.yourarea.contact;

/** Why a message's personal data was erased. */
public enum ErasedBecause {

	/**
	 * The retention schedule: the conversation ended longer ago than the site keeps it.
	 */
	RETENTION,

	/** The resident asked, through the force's data protection officer. */
	REQUEST

}

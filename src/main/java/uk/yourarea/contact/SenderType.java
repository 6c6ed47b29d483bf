package uk.yourarea.contact;

/** Whether a message comes from someone who lives or runs a business in the area. */
public enum SenderType {

	RESIDENT, BUSINESS

}

package uk.yourarea.contact;

/** How a resident would like the team to contact them. */
public enum PreferredContact {

	EMAIL, PHONE

}

package uk.yourarea.personaldata;

/** What the data protection officer looks a person up by. */
public enum SearchBy {

	EMAIL, PHONE, REFERENCE

}

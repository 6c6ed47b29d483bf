package uk.yourarea.consultation;

import java.util.List;

/**
 * The issues a neighbourhood team is working on now, which a new consultation offers
 * first. The priority feature answers it; the interface lives here so that consultation
 * never depends on priority, which depends on consultation for the consultations a
 * priority came from.
 */
public interface OpenPriorities {

	/** The issues of the neighbourhood's open priorities, the latest updated first. */
	List<String> openIssues(long neighbourhoodId);

}

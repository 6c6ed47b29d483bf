package uk.yourarea.audit;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.Phrase;

/**
 * What a change was made to.
 *
 * @param type a short lower-case kind, also used in history URLs: "neighbourhood",
 * "team-member", "priority", "event", "station", "local-policing-area", "coverage"
 * @param id its id
 * @param name how people know it: its own name ("PC 4127 Jordan Ellis", "Wigston"), kept
 * as it is, or words of the bundles ({@code change.subject.coverage-of})
 * @param neighbourhoodId the Your Area page it shows on, or {@code null} (a station
 * serves several; a local policing area has none)
 */
public record Subject(String type, long id, Phrase name, @Nullable Long neighbourhoodId) {

	public Subject {
		if (!type.matches("[a-z][a-z-]{0,49}")) {
			throw new IllegalArgumentException("Subject type must be lower-case words with hyphens: " + type);
		}
	}

	/** Something known by its own name. */
	public Subject(String type, long id, String name, @Nullable Long neighbourhoodId) {
		this(type, id, Phrase.asIs(name), neighbourhoodId);
	}

}

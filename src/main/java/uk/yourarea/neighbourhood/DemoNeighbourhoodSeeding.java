package uk.yourarea.neighbourhood;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demonstration force's local policing areas and neighbourhoods directly,
 * with no change record and no one signed in: for the demo data, loaded before anyone can
 * sign in.
 */
@Component
public class DemoNeighbourhoodSeeding {

	private final LocalPolicingAreaRepository areas;

	private final NeighbourhoodRepository neighbourhoods;

	DemoNeighbourhoodSeeding(LocalPolicingAreaRepository areas, NeighbourhoodRepository neighbourhoods) {
		this.areas = areas;
		this.neighbourhoods = neighbourhoods;
	}

	/**
	 * A neighbourhood to create, with its contact details and, for some, a Welsh
	 * description.
	 */
	public record NewNeighbourhood(String code, String name, long localPolicingAreaId, String description, String email,
			String phone, @Nullable String facebookUrl, @Nullable String descriptionCy) {

		public NewNeighbourhood(String code, String name, long localPolicingAreaId, String description, String email,
				String phone, @Nullable String facebookUrl) {
			this(code, name, localPolicingAreaId, description, email, phone, facebookUrl, null);
		}

	}

	public boolean anyNeighbourhoods() {
		return this.neighbourhoods.count() > 0;
	}

	/** The web address a neighbourhood of this name gets, as in its email address. */
	public String slugOf(String name) {
		return Neighbourhood.slugOf(name);
	}

	/** Creates a local policing area and answers its id. */
	@Transactional
	public long addLocalPolicingArea(String code, String name, String commanderName, String commanderRank) {
		return this.areas.save(new LocalPolicingArea(code, name, commanderName, commanderRank)).getId();
	}

	/** Creates a neighbourhood and answers its id. */
	@Transactional
	public long addNeighbourhood(NewNeighbourhood created) {
		Neighbourhood neighbourhood = new Neighbourhood(created.code(), created.name(),
				this.areas.getReferenceById(created.localPolicingAreaId()));
		neighbourhood.describe(created.description());
		neighbourhood.inWelsh(null, created.descriptionCy());
		neighbourhood.contactDetails(created.email(), created.phone(), created.facebookUrl(), null, null);
		return this.neighbourhoods.save(neighbourhood).getId();
	}

}

package uk.yourarea.neighbourhood;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a public web address {@code /area/{slug}} that has no live page means: a
 * neighbourhood that was renamed (its old slug now leads to the new one), a neighbourhood
 * that was retired, or nothing at all. Asked only when the page lookup misses, so it
 * costs nothing on the pages people read.
 */
@Service
public class NeighbourhoodAddresses {

	/** The answer for one slug. */
	public sealed interface Answer {

		/** A live neighbourhood has this slug now. */
		record Live(String slug) implements Answer {
		}

		/** The slug used to be a live neighbourhood's: send people to {@code slug}. */
		record Moved(String slug) implements Answer {
		}

		/**
		 * The neighbourhood (at this slug, or that this slug used to lead to) has been
		 * retired.
		 *
		 * @param name its name
		 * @param areaName its local policing area
		 * @param retiredOn when
		 * @param nearby the live neighbourhoods of the same area, A to Z
		 */
		record Retired(String name, String areaName, LocalDate retiredOn, List<Link> nearby) implements Answer {
		}

		/** No neighbourhood ever had this slug. */
		record Unknown() implements Answer {
		}

	}

	/** A link to a neighbourhood's page. */
	public record Link(String name, String slug) {
	}

	private final NeighbourhoodRepository neighbourhoods;

	private final FormerSlugRepository formerSlugs;

	NeighbourhoodAddresses(NeighbourhoodRepository neighbourhoods, FormerSlugRepository formerSlugs) {
		this.neighbourhoods = neighbourhoods;
		this.formerSlugs = formerSlugs;
	}

	/** A neighbourhood's current slug wins over another's former one. */
	@Transactional(readOnly = true)
	public Answer find(String slug) {
		Optional<Neighbourhood> current = this.neighbourhoods.findIncludingRetiredBySlug(slug);
		if (current.isPresent()) {
			return current.get().isRetired() ? retired(current.get()) : new Answer.Live(slug);
		}
		Optional<Neighbourhood> renamed = this.formerSlugs.findById(slug)
			.flatMap((former) -> this.neighbourhoods.findWithAreaById(former.getNeighbourhoodId()));
		if (renamed.isPresent()) {
			return renamed.get().isRetired() ? retired(renamed.get()) : new Answer.Moved(renamed.get().getSlug());
		}
		return new Answer.Unknown();
	}

	private Answer retired(Neighbourhood neighbourhood) {
		LocalPolicingArea area = neighbourhood.getLocalPolicingArea();
		List<Link> nearby = this.neighbourhoods.findLiveInArea(area.getId())
			.stream()
			.map((other) -> new Link(other.getName(), other.getSlug()))
			.toList();
		LocalDate retiredOn = neighbourhood.getRetiredOn();
		return new Answer.Retired(neighbourhood.getName(), area.getName(),
				(retiredOn != null) ? retiredOn : LocalDate.MIN, nearby);
	}

}

package uk.yourarea.neighbourhood;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.PublicNeighbourhoods.AreaHeading;

/**
 * Every neighbourhood, live or retired, for the features that keep neighbourhood ids
 * (messages, consultations, teams, stations, staff accounts): by id, by code, by the slug
 * of a live one, and all of them with their local policing areas. Unlike
 * {@link PublicNeighbourhoods}, it answers for retired neighbourhoods too, so callers
 * that show only live ones check {@link NeighbourhoodSummary#retired()}.
 */
@Service
public class NeighbourhoodDirectory {

	/**
	 * The kind of {@code PublicContentChanged} a change of a neighbourhood announces (its
	 * names, its address, going live or retiring).
	 */
	public static final String CHANGE_SUBJECT_TYPE = NeighbourhoodChanges.SUBJECT_TYPE;

	private final NeighbourhoodRepository neighbourhoods;

	private final LocalPolicingAreaRepository areas;

	NeighbourhoodDirectory(NeighbourhoodRepository neighbourhoods, LocalPolicingAreaRepository areas) {
		this.neighbourhoods = neighbourhoods;
		this.areas = areas;
	}

	/** The neighbourhood with this id, live or retired. */
	@Transactional(readOnly = true)
	public Optional<NeighbourhoodSummary> byId(long id) {
		return this.neighbourhoods.findWithAreaById(id).map(NeighbourhoodSummary::of);
	}

	/**
	 * The same, named as a page or an email in the given language names it: with the
	 * Welsh names of the neighbourhood and its area in Welsh, where there are some.
	 */
	@Transactional(readOnly = true)
	public Optional<NeighbourhoodSummary> byId(long id, Locale language) {
		return this.neighbourhoods.findWithAreaById(id)
			.map((neighbourhood) -> NeighbourhoodSummary.of(neighbourhood, language));
	}

	/**
	 * The neighbourhoods with these ids, live or retired, by area name and then name;
	 * unknown ids are left out.
	 */
	@Transactional(readOnly = true)
	public List<NeighbourhoodSummary> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.neighbourhoods.findAllWithAreaByIdIn(ids).stream().map(NeighbourhoodSummary::of).toList();
	}

	/**
	 * The same, named as a page in the given language names them: with the Welsh names of
	 * the neighbourhoods and their areas on a Welsh page, where there are some.
	 */
	@Transactional(readOnly = true)
	public List<NeighbourhoodSummary> byIds(Collection<Long> ids, Locale language) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.neighbourhoods.findAllWithAreaByIdIn(ids)
			.stream()
			.map((neighbourhood) -> NeighbourhoodSummary.of(neighbourhood, language))
			.toList();
	}

	/** The neighbourhood with this code (like "NA54"), live or retired. */
	@Transactional(readOnly = true)
	public Optional<NeighbourhoodSummary> byCode(String code) {
		return this.neighbourhoods.findWithAreaByCode(code).map(NeighbourhoodSummary::of);
	}

	/** The live neighbourhood at this slug; empty when it is retired or unknown. */
	@Transactional(readOnly = true)
	public Optional<NeighbourhoodSummary> liveBySlug(String slug) {
		return this.neighbourhoods.findBySlug(slug).map(NeighbourhoodSummary::of);
	}

	/**
	 * The same, named as a page in the given language names it (for a public page, the
	 * request's language).
	 */
	@Transactional(readOnly = true)
	public Optional<NeighbourhoodSummary> liveBySlug(String slug, Locale language) {
		return this.neighbourhoods.findBySlug(slug)
			.map((neighbourhood) -> NeighbourhoodSummary.of(neighbourhood, language));
	}

	/** Every neighbourhood, live or retired, by area name and then name. */
	@Transactional(readOnly = true)
	public List<NeighbourhoodSummary> all() {
		return this.neighbourhoods.findAllWithArea().stream().map(NeighbourhoodSummary::of).toList();
	}

	/**
	 * Every neighbourhood, live or retired, in the same order, named as a page in the
	 * given language names them.
	 */
	@Transactional(readOnly = true)
	public List<NeighbourhoodSummary> all(Locale language) {
		return this.neighbourhoods.findAllWithArea()
			.stream()
			.map((neighbourhood) -> NeighbourhoodSummary.of(neighbourhood, language))
			.toList();
	}

	/** Every local policing area, live or retired, by name. */
	@Transactional(readOnly = true)
	public List<AreaHeading> areas() {
		return this.areas.findAllByOrderByNameAsc().stream().map(PublicNeighbourhoods::heading).toList();
	}

	/**
	 * Every local policing area, live or retired, by English name, named as a page in the
	 * given language names it.
	 */
	@Transactional(readOnly = true)
	public List<AreaHeading> areas(Locale language) {
		return this.areas.findAllByOrderByNameAsc()
			.stream()
			.map((area) -> PublicNeighbourhoods.heading(area, language))
			.toList();
	}

}

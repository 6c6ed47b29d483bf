package uk.yourarea.neighbourhood;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.postcode.PostcodeLookup;

/**
 * The live neighbourhoods as the public site shows them: one neighbourhood's page, the
 * list of them all, those covering a postcode district, and those the Guarantee measures.
 * Retired neighbourhoods are left out ({@link NeighbourhoodAddresses} says what became of
 * them).
 */
@Service
public class PublicNeighbourhoods {

	/**
	 * What a neighbourhood's page shows about it: its name, its local policing area and
	 * how to reach the team ({@code null} where the team has not given one).
	 */
	public record Details(long id, String name, String slug, String areaName, @Nullable String email,
			@Nullable String phone, @Nullable String facebookUrl, @Nullable String xUrl,
			@Nullable String instagramUrl) {
	}

	/**
	 * A local policing area as lists of neighbourhoods head it.
	 *
	 * @param commander like "Chief Inspector Ravi Patel", or {@code null} when none is
	 * recorded
	 */
	public record AreaHeading(long id, String code, String name, @Nullable String commander) {
	}

	/** A live neighbourhood in a list, with its local policing area. */
	public record Listed(long id, String code, String name, String slug, AreaHeading area) {
	}

	private final NeighbourhoodRepository neighbourhoods;

	private final PostcodeLookup postcodes;

	PublicNeighbourhoods(NeighbourhoodRepository neighbourhoods, PostcodeLookup postcodes) {
		this.neighbourhoods = neighbourhoods;
		this.postcodes = postcodes;
	}

	/** The live neighbourhood at this slug; empty when it is retired or unknown. */
	@Transactional(readOnly = true)
	public Optional<Details> live(String slug) {
		return this.neighbourhoods.findBySlug(slug).map(PublicNeighbourhoods::details);
	}

	/** Every live neighbourhood, in no particular order. */
	/**
	 * A live neighbourhood's description, the sentence or two about the area and its team
	 * that the web team writes; empty if it is not live or has none.
	 */
	@Transactional(readOnly = true)
	public Optional<String> description(String slug) {
		return this.neighbourhoods.findBySlug(slug).map(Neighbourhood::getDescription);
	}

	@Transactional(readOnly = true)
	public List<Listed> all() {
		return this.neighbourhoods.findAllLiveWithArea().stream().map(PublicNeighbourhoods::listed).toList();
	}

	/** The live neighbourhoods of one local policing area, in no particular order. */
	@Transactional(readOnly = true)
	public List<Listed> inArea(long areaId) {
		return all().stream().filter((listed) -> listed.area().id() == areaId).toList();
	}

	/**
	 * The local policing areas that have at least one live neighbourhood, in no
	 * particular order.
	 */
	@Transactional(readOnly = true)
	public List<AreaHeading> areasWithNeighbourhoods() {
		return all().stream().map(Listed::area).distinct().toList();
	}

	/**
	 * The live neighbourhoods that cover at least one live postcode starting with the
	 * outward code ("LE18"), in no particular order.
	 */
	@Transactional(readOnly = true)
	public List<Listed> coveringOutwardCode(String outwardCode) {
		Set<Long> covering = this.postcodes.neighbourhoodsInOutwardCode(outwardCode);
		if (covering.isEmpty()) {
			return List.of();
		}
		return this.neighbourhoods.findAllLiveWithAreaByIdIn(covering)
			.stream()
			.map(PublicNeighbourhoods::listed)
			.toList();
	}

	private static Details details(Neighbourhood neighbourhood) {
		return new Details(neighbourhood.getId(), neighbourhood.getName(), neighbourhood.getSlug(),
				neighbourhood.getLocalPolicingArea().getName(), neighbourhood.getEmail(), neighbourhood.getPhone(),
				neighbourhood.getFacebookUrl(), neighbourhood.getXUrl(), neighbourhood.getInstagramUrl());
	}

	private static Listed listed(Neighbourhood neighbourhood) {
		return new Listed(neighbourhood.getId(), neighbourhood.getCode(), neighbourhood.getName(),
				neighbourhood.getSlug(), heading(neighbourhood.getLocalPolicingArea()));
	}

	static AreaHeading heading(LocalPolicingArea area) {
		return new AreaHeading(area.getId(), area.getCode(), area.getName(), area.getCommander());
	}

}

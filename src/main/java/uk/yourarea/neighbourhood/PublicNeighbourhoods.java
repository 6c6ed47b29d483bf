package uk.yourarea.neighbourhood;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.web.Languages;
import uk.yourarea.web.TextIn;

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
	 * how to reach the team ({@code null} where the team has not given one). The names
	 * and the description are in the language asked for where they have a version in it.
	 *
	 * @param description what the web team wrote about the area, with its language where
	 * it is not the page's
	 */
	public record Details(long id, String name, String slug, String areaName, @Nullable String email,
			@Nullable String phone, @Nullable String facebookUrl, @Nullable String xUrl, @Nullable String instagramUrl,
			TextIn description) {

		public Details(long id, String name, String slug, String areaName, @Nullable String email,
				@Nullable String phone, @Nullable String facebookUrl, @Nullable String xUrl,
				@Nullable String instagramUrl) {
			this(id, name, slug, areaName, email, phone, facebookUrl, xUrl, instagramUrl, new TextIn(null, null));
		}

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

	/**
	 * The live neighbourhood at this slug, in English; empty when it is retired or
	 * unknown.
	 */
	@Transactional(readOnly = true)
	public Optional<Details> live(String slug) {
		return live(slug, Languages.ENGLISH);
	}

	/**
	 * The live neighbourhood at this slug as a page in the given language shows it: the
	 * Welsh name and description on a Welsh page where there are some.
	 */
	@Transactional(readOnly = true)
	public Optional<Details> live(String slug, Locale language) {
		return this.neighbourhoods.findBySlug(slug).map((neighbourhood) -> details(neighbourhood, language));
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
		return all(Languages.ENGLISH);
	}

	/**
	 * Every live neighbourhood, named as a page in the given language names it, in no
	 * particular order.
	 */
	@Transactional(readOnly = true)
	public List<Listed> all(Locale language) {
		return this.neighbourhoods.findAllLiveWithArea()
			.stream()
			.map((neighbourhood) -> listed(neighbourhood, language))
			.toList();
	}

	/**
	 * The live neighbourhoods whose description has no Welsh version (an English one and
	 * no Welsh), for the Guarantee's check of the Welsh site.
	 */
	@Transactional(readOnly = true)
	public Set<Long> withoutWelshDescription() {
		return this.neighbourhoods.findAllLiveWithArea()
			.stream()
			.filter(Neighbourhood::lacksWelshDescription)
			.map(Neighbourhood::getId)
			.collect(java.util.stream.Collectors.toSet());
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
		return coveringOutwardCode(outwardCode, Languages.ENGLISH);
	}

	/**
	 * The same, named as a page in the given language names them.
	 */
	@Transactional(readOnly = true)
	public List<Listed> coveringOutwardCode(String outwardCode, Locale language) {
		Set<Long> covering = this.postcodes.neighbourhoodsInOutwardCode(outwardCode);
		if (covering.isEmpty()) {
			return List.of();
		}
		return this.neighbourhoods.findAllLiveWithAreaByIdIn(covering)
			.stream()
			.map((neighbourhood) -> listed(neighbourhood, language))
			.toList();
	}

	private static Details details(Neighbourhood neighbourhood, Locale language) {
		return new Details(neighbourhood.getId(), neighbourhood.nameIn(language).toString(), neighbourhood.getSlug(),
				neighbourhood.getLocalPolicingArea().nameIn(language).toString(), neighbourhood.getEmail(),
				neighbourhood.getPhone(), neighbourhood.getFacebookUrl(), neighbourhood.getXUrl(),
				neighbourhood.getInstagramUrl(), neighbourhood.descriptionIn(language));
	}

	private static Listed listed(Neighbourhood neighbourhood, Locale language) {
		return new Listed(neighbourhood.getId(), neighbourhood.getCode(), neighbourhood.nameIn(language).toString(),
				neighbourhood.getSlug(), heading(neighbourhood.getLocalPolicingArea(), language));
	}

	static AreaHeading heading(LocalPolicingArea area) {
		return heading(area, Languages.ENGLISH);
	}

	static AreaHeading heading(LocalPolicingArea area, Locale language) {
		return new AreaHeading(area.getId(), area.getCode(), area.nameIn(language).toString(), area.getCommander());
	}

}

package uk.yourarea.station;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.TextIn;

/**
 * A police station or community hub, its opening hours and the neighbourhoods it serves.
 */
@Entity
class Station {

	public enum Kind {

		STATION, HUB

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String address;

	private @Nullable String nameCy;

	private @Nullable String addressCy;

	private String postcode;

	private boolean frontCounter;

	@ElementCollection
	@CollectionTable(name = "station_opening_hours", joinColumns = @JoinColumn(name = "station_id"))
	private List<OpeningHours> openingHours = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "station_neighbourhood", joinColumns = @JoinColumn(name = "station_id"))
	@Column(name = "neighbourhood_id")
	private Set<Long> neighbourhoodIds = new LinkedHashSet<>();

	@Version
	private long version;

	protected Station() {
	}

	public Station(String name, Kind kind, String address, String postcode, boolean frontCounter) {
		this.name = name;
		this.kind = kind;
		this.address = address;
		this.postcode = postcode;
		this.frontCounter = frontCounter;
	}

	public void open(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {
		this.openingHours.add(new OpeningHours(day, opensAt, closesAt));
	}

	public void serve(Long neighbourhoodId) {
		this.neighbourhoodIds.add(neighbourhoodId);
	}

	/** Changes what the public reads about the station and where it serves. */
	public void change(String name, Kind kind, String address, String postcode, boolean frontCounter,
			Set<Long> neighbourhoodIds) {
		this.name = name;
		this.kind = kind;
		this.address = address;
		this.postcode = postcode;
		this.frontCounter = frontCounter;
		this.neighbourhoodIds.retainAll(neighbourhoodIds);
		this.neighbourhoodIds.addAll(neighbourhoodIds);
	}

	/**
	 * The Welsh name and address, for the Welsh pages; {@code null} for Welsh pages to
	 * show the English.
	 */
	public void inWelsh(@Nullable String nameCy, @Nullable String addressCy) {
		this.nameCy = nameCy;
		this.addressCy = addressCy;
	}

	/** The name a page in this language shows: the Welsh one on a Welsh page if any. */
	public TextIn nameIn(@Nullable Locale language) {
		return TextIn.of(language, this.name, this.nameCy);
	}

	/**
	 * The address a page in this language shows, the English marked as such if no Welsh.
	 */
	public TextIn addressIn(@Nullable Locale language) {
		return TextIn.of(language, this.address, this.addressCy);
	}

	/**
	 * Whether the name has no Welsh version. (An address is often the same in both
	 * languages, so a missing Welsh address does not count.)
	 */
	public boolean lacksWelsh() {
		return this.nameCy == null || this.nameCy.isBlank();
	}

	public @Nullable String getNameCy() {
		return this.nameCy;
	}

	public @Nullable String getAddressCy() {
		return this.addressCy;
	}

	/** Replaces the usual opening hours: a day with no periods is closed. */
	public void setWeek(Map<DayOfWeek, List<Period>> week) {
		this.openingHours.clear();
		week.forEach(
				(day, periods) -> periods.forEach((period) -> open(day, period.getOpensAt(), period.getClosesAt())));
	}

	/** The periods the station is usually open on a day of the week, earliest first. */
	public List<Period> periodsOn(DayOfWeek day) {
		return this.openingHours.stream()
			.filter((period) -> period.getDay() == day)
			.sorted(Comparator.comparing(OpeningHours::getOpensAt))
			.map((period) -> new Period(period.getOpensAt(), period.getClosesAt()))
			.toList();
	}

	/**
	 * The key of what it is ("Police station"), in messages.properties with its Welsh:
	 * the Your Area page and the staff pages say it.
	 */
	public String kindLabelKey() {
		return labelKeyOf(this.kind);
	}

	static String labelKeyOf(Kind kind) {
		return "station.kind-label." + kind.name().toLowerCase(Locale.ROOT);
	}

	public long getVersion() {
		return this.version;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getAddress() {
		return this.address;
	}

	public String getPostcode() {
		return this.postcode;
	}

	public boolean isFrontCounter() {
		return this.frontCounter;
	}

	public List<OpeningHours> getOpeningHours() {
		return this.openingHours;
	}

	public Set<Long> getNeighbourhoodIds() {
		return this.neighbourhoodIds;
	}

}

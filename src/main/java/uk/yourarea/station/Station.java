package uk.yourarea.station;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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

/**
 * A police station or community hub, its opening hours and the neighbourhoods it serves.
 */
@Entity
public class Station {

	public enum Kind {

		STATION, HUB

	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String address;

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

	/** "9am to 5pm", "9am to 12:30pm and 1:30pm to 5pm", or "Closed". */
	public String hoursOn(DayOfWeek day) {
		String hours = this.openingHours.stream()
			.filter((period) -> period.getDay() == day)
			.sorted(Comparator.comparing(OpeningHours::getOpensAt))
			.map((period) -> time(period.getOpensAt()) + " to " + time(period.getClosesAt()))
			.collect(Collectors.joining(" and "));
		return hours.isEmpty() ? "Closed" : hours;
	}

	private static String time(LocalTime time) {
		if (time.equals(LocalTime.NOON)) {
			return "midday";
		}
		String text = TIME.format(time).toLowerCase(Locale.UK);
		return text.replace(":00", "");
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

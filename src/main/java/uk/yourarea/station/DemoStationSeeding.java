package uk.yourarea.station;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demonstration force's police stations and community hubs directly, with no
 * change record and no one signed in: for the demo data, loaded before anyone can sign
 * in.
 */
@Component
public class DemoStationSeeding {

	private final StationRepository stations;

	DemoStationSeeding(StationRepository stations) {
		this.stations = stations;
	}

	/**
	 * A station (or, with {@code hub}, a community hub) to create, with its weekly
	 * opening periods in the order given and the neighbourhoods it serves.
	 */
	public record NewStation(String name, boolean hub, String address, String postcode, boolean frontCounter,
			List<Opening> week, List<Long> servedNeighbourhoodIds, @Nullable String nameCy) {

		public NewStation(String name, boolean hub, String address, String postcode, boolean frontCounter,
				List<Opening> week, List<Long> servedNeighbourhoodIds) {
			this(name, hub, address, postcode, frontCounter, week, servedNeighbourhoodIds, null);
		}

	}

	public record Opening(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {
	}

	/** Creates a station and answers its id. */
	@Transactional
	public long addStation(NewStation created) {
		Station station = new Station(created.name(), created.hub() ? Station.Kind.HUB : Station.Kind.STATION,
				created.address(), created.postcode(), created.frontCounter());
		created.week().forEach((opening) -> station.open(opening.day(), opening.opensAt(), opening.closesAt()));
		created.servedNeighbourhoodIds().forEach(station::serve);
		station.inWelsh(created.nameCy(), null);
		return this.stations.save(station).getId();
	}

}

package uk.yourarea.station;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import org.jspecify.annotations.Nullable;

/**
 * A date when a station is not open at its usual hours: closed all day when it has no
 * hours ("Christmas Day"), otherwise open only at the hours given.
 */
@Entity
class StationException {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long stationId;

	@Column(name = "on_date")
	private LocalDate date;

	private @Nullable String reason;

	@ElementCollection
	@CollectionTable(name = "station_exception_hours", joinColumns = @JoinColumn(name = "station_exception_id"))
	@OrderBy("opensAt")
	private List<Period> hours = new ArrayList<>();

	protected StationException() {
	}

	public StationException(long stationId, LocalDate date, @Nullable String reason, List<Period> hours) {
		this.stationId = stationId;
		this.date = date;
		this.reason = reason;
		this.hours = new ArrayList<>(hours);
	}

	public Long getId() {
		return this.id;
	}

	public long getStationId() {
		return this.stationId;
	}

	public LocalDate getDate() {
		return this.date;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public List<Period> getHours() {
		return this.hours;
	}

	public boolean isClosed() {
		return this.hours.isEmpty();
	}

}

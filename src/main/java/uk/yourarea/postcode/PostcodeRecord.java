package uk.yourarea.postcode;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What we know of one postcode: where its centroid is, whether it is still in use,
 * whether this force polices it and which neighbourhood it belongs to. Rows are written
 * by the importers (COPY), not through JPA.
 */
@Entity
@Table(name = "postcode")
class PostcodeRecord {

	@Id
	private String postcode;

	private String outwardCode;

	private Double latitude;

	private Double longitude;

	private LocalDate terminatedOn;

	private String wardCode;

	private String districtCode;

	private boolean inForceArea;

	@Column(name = "neighbourhood_id")
	private Long neighbourhoodId;

	protected PostcodeRecord() {
	}

	public String getPostcode() {
		return this.postcode;
	}

	public String getOutwardCode() {
		return this.outwardCode;
	}

	public Double getLatitude() {
		return this.latitude;
	}

	public Double getLongitude() {
		return this.longitude;
	}

	public LocalDate getTerminatedOn() {
		return this.terminatedOn;
	}

	public boolean isTerminated() {
		return this.terminatedOn != null;
	}

	public String getWardCode() {
		return this.wardCode;
	}

	public String getDistrictCode() {
		return this.districtCode;
	}

	public boolean isInForceArea() {
		return this.inForceArea;
	}

	public Long getNeighbourhoodId() {
		return this.neighbourhoodId;
	}

}

package uk.yourarea.team;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A member of a neighbourhood's beat team; at most one per neighbourhood is its named
 * officer.
 */
@Entity
public class TeamMember {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "neighbourhood_id")
	private Long neighbourhoodId;

	private String name;

	@Enumerated(EnumType.STRING)
	private Role role;

	private String collarNumber;

	private String bio;

	private String photoPath;

	private String photoAlt;

	private int displayOrder;

	private boolean namedOfficer;

	private LocalDate nameConfirmedOn;

	@Version
	private long version;

	protected TeamMember() {
	}

	public TeamMember(Long neighbourhoodId, String name, Role role, String collarNumber, String bio, int displayOrder) {
		this.neighbourhoodId = neighbourhoodId;
		this.name = name;
		this.role = role;
		this.collarNumber = collarNumber;
		this.bio = bio;
		this.displayOrder = displayOrder;
	}

	/**
	 * Makes this member the neighbourhood's named, contactable officer, confirmed on the
	 * given day. The caller clears any previous named officer of the same neighbourhood
	 * first.
	 */
	public void makeNamedOfficer(LocalDate confirmedOn) {
		if (!this.role.canBeNamedOfficer()) {
			throw new IllegalStateException("Only a PC or a PCSO can be the named officer, not a " + this.role.title());
		}
		this.namedOfficer = true;
		this.nameConfirmedOn = confirmedOn;
	}

	public void stopBeingNamedOfficer() {
		this.namedOfficer = false;
		this.nameConfirmedOn = null;
	}

	public Long getId() {
		return this.id;
	}

	public Long getNeighbourhoodId() {
		return this.neighbourhoodId;
	}

	public String getName() {
		return this.name;
	}

	public Role getRole() {
		return this.role;
	}

	public String getCollarNumber() {
		return this.collarNumber;
	}

	public String getBio() {
		return this.bio;
	}

	public String getPhotoPath() {
		return this.photoPath;
	}

	public String getPhotoAlt() {
		return this.photoAlt;
	}

	public int getDisplayOrder() {
		return this.displayOrder;
	}

	public boolean isNamedOfficer() {
		return this.namedOfficer;
	}

	public LocalDate getNameConfirmedOn() {
		return this.nameConfirmedOn;
	}

	/** "PC 4127 Jordan Ellis", the way the force introduces officers. */
	public String getTitledName() {
		String prefix = (this.role == Role.OTHER) ? "" : this.role.shortTitle() + " ";
		String number = (this.collarNumber != null && this.role != Role.OTHER) ? this.collarNumber + " " : "";
		return prefix + number + this.name;
	}

}

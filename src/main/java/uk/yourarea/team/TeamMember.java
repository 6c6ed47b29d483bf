package uk.yourarea.team;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.Phrase;
import uk.yourarea.web.TextIn;

/**
 * A member of a neighbourhood's beat team; at most one per neighbourhood is its named
 * officer.
 */
@Entity
class TeamMember {

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

	private @Nullable String bioCy;

	private String photoPath;

	private String photoAlt;

	private @Nullable String photoAltCy;

	private Long photoId;

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
			throw new IllegalStateException("Only a PC or a PCSO can be the named officer, not a " + this.role);
		}
		this.namedOfficer = true;
		this.nameConfirmedOn = confirmedOn;
	}

	public void stopBeingNamedOfficer() {
		this.namedOfficer = false;
		this.nameConfirmedOn = null;
	}

	/** Someone checked the named officer's details with them on the given day. */
	void confirmDetails(LocalDate confirmedOn) {
		if (!this.namedOfficer) {
			throw new IllegalStateException("Only the named officer's details are confirmed");
		}
		this.nameConfirmedOn = confirmedOn;
	}

	void change(String name, Role role, @Nullable String collarNumber, @Nullable String bio) {
		if (this.namedOfficer && !role.canBeNamedOfficer()) {
			throw new IllegalStateException("The named officer must stay a PC or a PCSO");
		}
		this.name = name;
		this.role = role;
		this.collarNumber = collarNumber;
		this.bio = bio;
	}

	/**
	 * The Welsh version of the bio, or {@code null} for Welsh pages to show the English.
	 */
	void bioInWelsh(@Nullable String bioCy) {
		this.bioCy = bioCy;
	}

	/**
	 * The bio a page in this language shows: the Welsh on a Welsh page if there is one,
	 * else the English, marked as English.
	 */
	public TextIn bioIn(@Nullable Locale language) {
		return TextIn.of(language, this.bio, this.bioCy);
	}

	/** Whether the member has an English bio and no Welsh version of it. */
	public boolean lacksWelshBio() {
		return this.bio != null && !this.bio.isBlank() && (this.bioCy == null || this.bioCy.isBlank());
	}

	public @Nullable String getBioCy() {
		return this.bioCy;
	}

	void placeAt(int displayOrder) {
		this.displayOrder = displayOrder;
	}

	/**
	 * Joins another neighbourhood's team, at the end; a named officer stops being one.
	 */
	void moveTo(long neighbourhoodId, int displayOrder) {
		stopBeingNamedOfficer();
		this.neighbourhoodId = neighbourhoodId;
		this.displayOrder = displayOrder;
	}

	/**
	 * Shows this photo, described for people who cannot see it, and in Welsh too if
	 * {@code altCy} is not blank.
	 */
	void showPhoto(long photoId, String hash, String alt, @Nullable String altCy) {
		this.photoId = photoId;
		this.photoPath = Photos.url(hash, PhotoChecks.SIZES.get(0).width());
		describe(alt, altCy);
	}

	void describePhoto(String alt, @Nullable String altCy) {
		if (this.photoId == null) {
			throw new IllegalStateException("There is no photo to describe");
		}
		describe(alt, altCy);
	}

	private void describe(String alt, @Nullable String altCy) {
		this.photoAlt = alt;
		this.photoAltCy = TextIn.orNull(altCy);
	}

	void removePhoto() {
		this.photoId = null;
		this.photoPath = null;
		this.photoAlt = null;
		this.photoAltCy = null;
	}

	/**
	 * The photo's description as a page in this language gives it: the Welsh on a Welsh
	 * page if there is one, else the English, marked as English.
	 */
	public TextIn photoAltIn(@Nullable Locale language) {
		return TextIn.of(language, this.photoAlt, this.photoAltCy);
	}

	public @Nullable String getPhotoAltCy() {
		return this.photoAltCy;
	}

	@Nullable Long getPhotoId() {
		return this.photoId;
	}

	/**
	 * The photo at each size for {@code srcset} ("… 1x, … 2x"), or {@code null} without a
	 * photo.
	 */
	public @Nullable String getPhotoSrcset() {
		if (this.photoPath == null) {
			return null;
		}
		String small = "-" + PhotoChecks.SIZES.get(0).width() + ".jpg";
		String large = "-" + PhotoChecks.SIZES.get(1).width() + ".jpg";
		return this.photoPath + " 1x, " + this.photoPath.replace(small, large) + " 2x";
	}

	public long getVersion() {
		return this.version;
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

	/**
	 * "PC 4127 Jordan Ellis", the way the force introduces officers, as words of the
	 * bundle: a key of staff.properties with the name and any collar number.
	 */
	public Phrase getTitledName() {
		return (this.collarNumber != null) ? Phrase.of(this.role.titledNameKey(true), this.name, this.collarNumber)
				: Phrase.of(this.role.titledNameKey(false), this.name);
	}

}

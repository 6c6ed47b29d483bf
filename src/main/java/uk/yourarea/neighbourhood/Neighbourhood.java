package uk.yourarea.neighbourhood;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.TextIn;

/**
 * A neighbourhood with its own beat team, identified by a stable code (like
 * data.police.uk's {@code NA54}) and reached on the site by its slug.
 */
@Entity
class Neighbourhood {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String slug;

	private String name;

	private String description;

	private @Nullable String nameCy;

	private @Nullable String descriptionCy;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "local_policing_area_id")
	private LocalPolicingArea localPolicingArea;

	private String email;

	private String phone;

	private String facebookUrl;

	private String xUrl;

	private String instagramUrl;

	private @Nullable LocalDate retiredOn;

	@Version
	private long version;

	protected Neighbourhood() {
	}

	public Neighbourhood(String code, String name, LocalPolicingArea localPolicingArea) {
		this.code = code;
		this.name = name;
		this.slug = slugOf(name);
		this.localPolicingArea = localPolicingArea;
	}

	/** "Enderby, Narborough & Fosse Park" becomes "enderby-narborough-fosse-park". */
	public static String slugOf(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT)
			.replace("&", " and ")
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		return slug.isEmpty() ? "neighbourhood" : slug;
	}

	public void describe(@Nullable String description) {
		this.description = description;
	}

	/**
	 * The Welsh versions of the name and description, for the Welsh pages; none is
	 * {@code null}, and a Welsh page then shows the English.
	 */
	public void inWelsh(@Nullable String nameCy, @Nullable String descriptionCy) {
		this.nameCy = nameCy;
		this.descriptionCy = descriptionCy;
	}

	/** The name a page in this language shows: the Welsh one on a Welsh page if any. */
	public TextIn nameIn(@Nullable Locale language) {
		return TextIn.of(language, this.name, this.nameCy);
	}

	/**
	 * The description a page in this language shows: the Welsh on a Welsh page if there
	 * is one, else the English, marked as English.
	 */
	public TextIn descriptionIn(@Nullable Locale language) {
		return TextIn.of(language, this.description, this.descriptionCy);
	}

	/**
	 * Whether the public text staff write about the neighbourhood itself (its
	 * description) lacks a Welsh version: true when there is English and no Welsh.
	 */
	public boolean lacksWelshDescription() {
		return this.description != null && (this.descriptionCy == null || this.descriptionCy.isBlank());
	}

	public void contactDetails(@Nullable String email, @Nullable String phone, @Nullable String facebookUrl,
			@Nullable String xUrl, @Nullable String instagramUrl) {
		this.email = email;
		this.phone = phone;
		this.facebookUrl = facebookUrl;
		this.xUrl = xUrl;
		this.instagramUrl = instagramUrl;
	}

	/**
	 * Gives the neighbourhood a new name and so a new slug (web address); the caller
	 * keeps the old slug so that old links still lead here.
	 */
	void rename(String name) {
		requireLive();
		this.name = name;
		this.slug = slugOf(name);
	}

	/** Moves the neighbourhood to another local policing area, which must be live. */
	void moveTo(LocalPolicingArea area) {
		requireLive();
		if (area.isRetired() && !area.getId().equals(this.localPolicingArea.getId())) {
			throw new IllegalStateException("Local policing area " + area.getCode() + " has been retired");
		}
		this.localPolicingArea = area;
	}

	/**
	 * Retires the neighbourhood: it leaves the public site, its postcodes show as not
	 * covered until they are given to another neighbourhood, and nothing is deleted.
	 */
	void retire(LocalDate on) {
		requireLive();
		this.retiredOn = on;
	}

	private void requireLive() {
		if (isRetired()) {
			throw new IllegalStateException("Neighbourhood " + this.code + " has been retired");
		}
	}

	/**
	 * Whether it has been retired: no public page, no new messages, not in the Guarantee.
	 */
	public boolean isRetired() {
		return this.retiredOn != null;
	}

	public @Nullable LocalDate getRetiredOn() {
		return this.retiredOn;
	}

	public long getVersion() {
		return this.version;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public @Nullable String getNameCy() {
		return this.nameCy;
	}

	public @Nullable String getDescriptionCy() {
		return this.descriptionCy;
	}

	public LocalPolicingArea getLocalPolicingArea() {
		return this.localPolicingArea;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getFacebookUrl() {
		return this.facebookUrl;
	}

	public String getXUrl() {
		return this.xUrl;
	}

	public String getInstagramUrl() {
		return this.instagramUrl;
	}

}

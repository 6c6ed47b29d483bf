package uk.yourarea.neighbourhood;

import java.text.Normalizer;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/**
 * A neighbourhood with its own beat team, identified by a stable code (like
 * data.police.uk's {@code NA54}) and reached on the site by its slug.
 */
@Entity
public class Neighbourhood {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String slug;

	private String name;

	private String description;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "local_policing_area_id")
	private LocalPolicingArea localPolicingArea;

	private String email;

	private String phone;

	private String facebookUrl;

	private String xUrl;

	private String instagramUrl;

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

	public void describe(String description) {
		this.description = description;
	}

	public void contactDetails(String email, String phone, String facebookUrl, String xUrl, String instagramUrl) {
		this.email = email;
		this.phone = phone;
		this.facebookUrl = facebookUrl;
		this.xUrl = xUrl;
		this.instagramUrl = instagramUrl;
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

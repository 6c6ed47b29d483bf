package uk.yourarea.neighbourhood;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.TextIn;

/** A local policing area: a group of neighbourhoods under one commander. */
@Entity
class LocalPolicingArea {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private @Nullable String nameCy;

	private String commanderName;

	private String commanderRank;

	private @Nullable LocalDate retiredOn;

	@Version
	private long version;

	protected LocalPolicingArea() {
	}

	public LocalPolicingArea(String code, String name, String commanderName, String commanderRank) {
		this.code = code;
		this.name = name;
		this.commanderName = commanderName;
		this.commanderRank = commanderRank;
	}

	/** Changes what web editors may change: not the code, which other systems use. */
	void edit(String name, @Nullable String commanderName, @Nullable String commanderRank) {
		if (isRetired()) {
			throw new IllegalStateException("Local policing area " + this.code + " has been retired");
		}
		this.name = name;
		this.commanderName = commanderName;
		this.commanderRank = commanderRank;
	}

	/**
	 * Retires the area: it keeps its history but gets no new neighbourhoods. The caller
	 * checks it has no live neighbourhoods left.
	 */
	/** The Welsh name, for the Welsh pages, or {@code null} to show the English one. */
	void nameInWelsh(@Nullable String nameCy) {
		this.nameCy = nameCy;
	}

	/** The name a page in this language shows: the Welsh one on a Welsh page if any. */
	public TextIn nameIn(java.util.@Nullable Locale language) {
		return TextIn.of(language, this.name, this.nameCy);
	}

	public @Nullable String getNameCy() {
		return this.nameCy;
	}

	void retire(LocalDate on) {
		if (isRetired()) {
			throw new IllegalStateException("Local policing area " + this.code + " is already retired");
		}
		this.retiredOn = on;
	}

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

	public String getName() {
		return this.name;
	}

	public String getCommanderName() {
		return this.commanderName;
	}

	public String getCommanderRank() {
		return this.commanderRank;
	}

	/** "Chief Inspector Ravi Patel", or null when no commander is recorded. */
	public String getCommander() {
		if (this.commanderName == null) {
			return null;
		}
		return (this.commanderRank != null) ? this.commanderRank + " " + this.commanderName : this.commanderName;
	}

}

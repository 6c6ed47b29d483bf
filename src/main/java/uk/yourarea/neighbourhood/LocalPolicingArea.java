package uk.yourarea.neighbourhood;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A local policing area: a group of neighbourhoods under one commander. */
@Entity
public class LocalPolicingArea {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private String commanderName;

	private String commanderRank;

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

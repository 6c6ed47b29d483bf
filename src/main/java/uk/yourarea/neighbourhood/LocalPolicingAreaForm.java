package uk.yourarea.neighbourhood;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a web editor types to add a local policing area or change one. {@code code} is for
 * a new area only; {@code version} for a change only. The limits are the database's.
 */
record LocalPolicingAreaForm(
		@NotBlank(message = "{neighbourhood.area-form.code.required}") @Pattern(regexp = "^$|[A-Z0-9]{1,10}",
				message = "{neighbourhood.area-form.code.format}") @Nullable String code,
		@NotBlank(message = "{neighbourhood.area-form.name.required}") @Size(max = 100,
				message = "{neighbourhood.area-form.name.too-long}") @Nullable String name,
		@Size(max = 100, message = "{neighbourhood.area-form.commander-name.too-long}") @Nullable String commanderName,
		@Size(max = 50, message = "{neighbourhood.area-form.commander-rank.too-long}") @Nullable String commanderRank,
		@Nullable Long version,
		@Size(max = 100, message = "{neighbourhood.area-form.name-cy.too-long}") @Nullable String nameCy) {

	static final List<String> FIELD_ORDER = List.of("code", "name", "nameCy", "commanderName", "commanderRank");

	LocalPolicingAreaForm {
		code = (code == null || code.isBlank()) ? null : code.strip().toUpperCase(Locale.ROOT);
		name = tidy(name);
		nameCy = tidy(nameCy);
		commanderName = tidy(commanderName);
		commanderRank = tidy(commanderRank);
	}

	private static @Nullable String tidy(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip().replaceAll("\\s+", " ");
	}

	static LocalPolicingAreaForm blank() {
		return new LocalPolicingAreaForm(null, null, null, null, null, null);
	}

	static LocalPolicingAreaForm of(LocalPolicingArea area) {
		return new LocalPolicingAreaForm(area.getCode(), area.getName(), area.getCommanderName(),
				area.getCommanderRank(), area.getVersion(), area.getNameCy());
	}

	LocalPolicingAreaForm withCode(String savedCode) {
		return new LocalPolicingAreaForm(savedCode, this.name, this.commanderName, this.commanderRank, this.version,
				this.nameCy);
	}

	LocalPolicingAreaForm basedOn(long savedVersion) {
		return new LocalPolicingAreaForm(this.code, this.name, this.commanderName, this.commanderRank, savedVersion,
				this.nameCy);
	}

}

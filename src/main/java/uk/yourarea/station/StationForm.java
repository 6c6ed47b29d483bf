package uk.yourarea.station;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a web editor types to add a station or hub or change one. {@code version} is for a
 * change only: the version the form was opened with.
 */
record StationForm(
		@NotBlank(message = "{station.name.required}") @Size(max = 150,
				message = "{station.name.too-long}") @Nullable String name,
		@NotBlank(message = "{station.kind.required}") @Pattern(regexp = "STATION|HUB",
				message = "{station.kind.required}") @Nullable String kind,
		@NotBlank(message = "{station.address.required}") @Size(max = 300,
				message = "{station.address.too-long}") @Nullable String address,
		@NotBlank(message = "{station.postcode.required}") @Nullable String postcode,
		@NotBlank(message = "{station.front-counter.required}") @Pattern(regexp = "yes|no",
				message = "{station.front-counter.required}") @Nullable String frontCounter,
		@NotEmpty(message = "{station.neighbourhoods.required}") @Nullable List<Long> neighbourhoodIds,
		@Nullable Long version, @Size(max = 150, message = "{station.name-cy.too-long}") @Nullable String nameCy,
		@Size(max = 300, message = "{station.address-cy.too-long}") @Nullable String addressCy) {

	static final List<String> FIELD_ORDER = List.of("name", "nameCy", "kind", "address", "addressCy", "postcode",
			"frontCounter", "neighbourhoodIds");

	StationForm {
		name = (name != null) ? name.strip() : null;
		address = (address != null) ? address.strip() : null;
		postcode = (postcode != null) ? postcode.strip() : null;
		nameCy = (nameCy != null && !nameCy.isBlank()) ? nameCy.strip() : null;
		addressCy = (addressCy != null && !addressCy.isBlank()) ? addressCy.strip() : null;
	}

	static StationForm blank() {
		return new StationForm("", null, "", "", null, List.of(), null, null, null);
	}

	static StationForm of(Station station) {
		return new StationForm(station.getName(), station.getKind().name(), station.getAddress(), station.getPostcode(),
				station.isFrontCounter() ? "yes" : "no", List.copyOf(station.getNeighbourhoodIds()),
				station.getVersion(), station.getNameCy(), station.getAddressCy());
	}

	List<Long> neighbourhoodList() {
		return (this.neighbourhoodIds != null) ? this.neighbourhoodIds : List.of();
	}

	public boolean hasNeighbourhood(long id) {
		return neighbourhoodList().contains(id);
	}

	StationForm basedOn(long newVersion) {
		return new StationForm(this.name, this.kind, this.address, this.postcode, this.frontCounter,
				this.neighbourhoodIds, newVersion, this.nameCy, this.addressCy);
	}

	StationForm withPostcode(String normalised) {
		return new StationForm(this.name, this.kind, this.address, normalised, this.frontCounter, this.neighbourhoodIds,
				this.version, this.nameCy, this.addressCy);
	}

}

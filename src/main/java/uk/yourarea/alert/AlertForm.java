package uk.yourarea.alert;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.PlainText;
import uk.yourarea.web.SingleLine;

/**
 * What staff type to write an alert or change a draft. {@code everyNeighbourhood} ticked
 * means every neighbourhood the author may write to (a sergeant's "all of mine at once",
 * without JavaScript); {@code reach} and {@code areaId} only web editors and
 * administrators are offered; {@code version} only when changing a draft.
 */
record AlertForm(
		@NotBlank(message = "{alerts.staff.title.required}") @Size(max = 150,
				message = "{alerts.staff.title.too-long}") @SingleLine(
						message = "{alerts.staff.title.characters}") @Nullable String title,
		@NotBlank(message = "{alerts.staff.body.required}") @Size(max = 10_000,
				message = "{alerts.staff.body.too-long}") @PlainText(
						message = "{alerts.staff.body.characters}") @Nullable String body,
		@NotNull(message = "{alerts.staff.topic.required}") @Nullable AlertTopic topic, @Nullable AlertReach reach,
		@Nullable Long areaId, @Nullable List<Long> neighbourhoodIds, @Nullable Boolean everyNeighbourhood,
		@Nullable Long version,
		@Size(max = 150, message = "{alerts.staff.title-cy.too-long}") @SingleLine(
				message = "{alerts.staff.title-cy.characters}") @Nullable String titleCy,
		@Size(max = 10_000, message = "{alerts.staff.body-cy.too-long}") @PlainText(
				message = "{alerts.staff.body-cy.characters}") @Nullable String bodyCy) {

	static final List<String> FIELD_ORDER = List.of("title", "titleCy", "body", "bodyCy", "topic", "reach", "areaId",
			"neighbourhoodIds");

	AlertForm {
		title = (title != null) ? title.strip() : null;
		body = (body != null) ? body.strip() : null;
		titleCy = (titleCy != null) ? titleCy.strip() : null;
		bodyCy = (bodyCy != null) ? bodyCy.strip() : null;
	}

	/** An alert in English only, as the forms were before Welsh. */
	AlertForm(@Nullable String title, @Nullable String body, @Nullable AlertTopic topic, @Nullable AlertReach reach,
			@Nullable Long areaId, @Nullable List<Long> neighbourhoodIds, @Nullable Boolean everyNeighbourhood,
			@Nullable Long version) {
		this(title, body, topic, reach, areaId, neighbourhoodIds, everyNeighbourhood, version, null, null);
	}

	static AlertForm blank() {
		return new AlertForm("", "", null, AlertReach.NEIGHBOURHOODS, null, List.of(), false, null, "", "");
	}

	static AlertForm of(Alert alert) {
		return new AlertForm(alert.getTitle(), alert.getBody(), alert.getTopic(), alert.getReach(),
				alert.getLocalPolicingAreaId(), List.copyOf(alert.getNeighbourhoodIds()), false, alert.getVersion(),
				alert.getTitleCy(), alert.getBodyCy());
	}

	/** Whether "every one of my neighbourhoods" is ticked. */
	public boolean everyOne() {
		return Boolean.TRUE.equals(this.everyNeighbourhood);
	}

	AlertReach reachOrNeighbourhoods() {
		return (this.reach != null) ? this.reach : AlertReach.NEIGHBOURHOODS;
	}

	List<Long> neighbourhoodList() {
		return (this.neighbourhoodIds != null) ? this.neighbourhoodIds : List.of();
	}

	/** The ticked neighbourhoods as text, as the checkboxes compare them. */
	public List<String> ticked() {
		return neighbourhoodList().stream().map(String::valueOf).toList();
	}

	/** The chosen reach as text, as the radios compare it. */
	public String reachName() {
		return reachOrNeighbourhoods().name();
	}

	AlertForm basedOn(long newVersion) {
		return new AlertForm(this.title, this.body, this.topic, this.reach, this.areaId, this.neighbourhoodIds,
				this.everyNeighbourhood, newVersion, this.titleCy, this.bodyCy);
	}

}

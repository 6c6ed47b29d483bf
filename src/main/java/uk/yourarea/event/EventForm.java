package uk.yourarea.event;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.DateInput;
import uk.yourarea.web.TimeOfDay.Noon;
import uk.yourarea.web.TimeOfDay;

/**
 * What someone types to add or change an event, with its title and description in Welsh
 * if they write them; {@code version} only when changing one. Times are UK local time on
 * the event's date.
 */
record EventForm(
		@NotBlank(message = "{event.title.required}") @Size(max = 150,
				message = "{event.title.too-long}") @Nullable String title,
		@NotNull(message = "{event.type.required}") @Nullable EventType type,
		@Size(max = 2000, message = "{event.description.too-long}") @Nullable String description,
		@NotBlank(message = "{event.address.required}") @Size(max = 300,
				message = "{event.address.too-long}") @Nullable String address,
		@Nullable String dateDay, @Nullable String dateMonth, @Nullable String dateYear, @Nullable String startTime,
		@Nullable String endTime, @Nullable Long version,
		@Size(max = 150, message = "{event.title-cy.too-long}") @Nullable String titleCy,
		@Size(max = 2000, message = "{event.description-cy.too-long}") @Nullable String descriptionCy) {

	static final List<String> FIELD_ORDER = List.of("title", "titleCy", "type", "description", "descriptionCy",
			"address", "date", "startTime", "endTime");

	EventForm {
		title = strip(title);
		description = strip(description);
		address = strip(address);
		startTime = strip(startTime);
		endTime = strip(endTime);
		titleCy = strip(titleCy);
		descriptionCy = strip(descriptionCy);
	}

	static EventForm blank() {
		return new EventForm("", null, "", "", "", "", "", "", "", null, "", "");
	}

	static EventForm of(Event event, ZoneId zone) {
		ZonedDateTime start = event.getStartsAt().atZone(zone);
		ZonedDateTime end = event.getEndsAt().atZone(zone);
		DateInput date = DateInput.of(start.toLocalDate());
		return new EventForm(event.getTitle(), event.getType(), event.getDescription(), event.getAddress(), date.day(),
				date.month(), date.year(), TimeOfDay.format(start.toLocalTime(), Noon.TWELVE_PM),
				TimeOfDay.format(end.toLocalTime(), Noon.TWELVE_PM), event.getVersion(), event.getTitleCy(),
				event.getDescriptionCy());
	}

	public DateInput date() {
		return new DateInput(this.dateDay, this.dateMonth, this.dateYear);
	}

	EventForm basedOn(long newVersion) {
		return new EventForm(this.title, this.type, this.description, this.address, this.dateDay, this.dateMonth,
				this.dateYear, this.startTime, this.endTime, newVersion, this.titleCy, this.descriptionCy);
	}

	private static @Nullable String strip(@Nullable String text) {
		return (text != null) ? text.strip() : null;
	}

}

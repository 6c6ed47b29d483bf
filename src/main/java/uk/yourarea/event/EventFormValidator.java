package uk.yourarea.event;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.TextIn;
import uk.yourarea.web.TimeOfDay;

/**
 * The checks on the event form that its annotations cannot make: the date and times as
 * typed, and an event moved or added only to a time still to come.
 */
@Component
class EventFormValidator {

	/**
	 * What was typed: the event's details when everything is right, otherwise the
	 * problems in page order.
	 */
	record Checked(Optional<EventEditing.Details> details, List<FormError> errors) {
	}

	private final MessageSource messages;

	private final Clock clock;

	EventFormValidator(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Checks a new event, or a change to the saved one (which may keep its start even
	 * once that has passed).
	 */
	Checked check(EventForm form, BindingResult result, @Nullable Event saved) {
		Map<String, String> problems = new LinkedHashMap<>(
				FormErrors.byField(FormErrors.inPageOrder(result, EventForm.FIELD_ORDER)));
		if (problems.containsKey("type")) {
			// Nothing chosen, or a value that is not one of the options.
			problems.put("type", text("event.type.required"));
		}
		Optional<LocalDate> date = form.date().toDate();
		form.date()
			.problem(text("event.date.name"), text("event.date.required"), this.messages, Locale.UK)
			.ifPresent((problem) -> problems.put("date", problem));
		Optional<LocalTime> start = time(form.startTime(), "startTime", "event.start-time", problems);
		Optional<LocalTime> end = time(form.endTime(), "endTime", "event.end-time", problems);
		if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
			problems.put("endTime", text("event.end-time.not-after-start"));
		}
		Instant startsAt = null;
		if (date.isPresent() && start.isPresent()) {
			startsAt = ZonedDateTime.of(date.get(), start.get(), this.clock.getZone()).toInstant();
			boolean moved = saved == null || !saved.getStartsAt().equals(startsAt);
			if (moved) {
				if (date.get().isBefore(LocalDate.now(this.clock))) {
					problems.put("date", text("event.date.past"));
				}
				else if (!startsAt.isAfter(this.clock.instant())) {
					problems.put("startTime", text("event.start-time.past"));
				}
			}
		}
		List<FormError> errors = EventForm.FIELD_ORDER.stream()
			.filter(problems::containsKey)
			.map((field) -> new FormError(field, problems.get(field)))
			.toList();
		if (!errors.isEmpty()) {
			return new Checked(Optional.empty(), errors);
		}
		Instant endsAt = ZonedDateTime.of(date.orElseThrow(), end.orElseThrow(), this.clock.getZone()).toInstant();
		String description = form.description();
		return new Checked(
				Optional.of(new EventEditing.Details(Objects.requireNonNull(form.title()),
						Objects.requireNonNull(form.type()),
						(description == null || description.isEmpty()) ? null : description,
						Objects.requireNonNull(form.address()), Objects.requireNonNull(startsAt), endsAt,
						TextIn.orNull(form.titleCy()),
						(description == null || description.isEmpty()) ? null : TextIn.orNull(form.descriptionCy()))),
				errors);
	}

	private Optional<LocalTime> time(@Nullable String typed, String field, String key, Map<String, String> problems) {
		if (typed == null || typed.isBlank()) {
			problems.put(field, text(key + ".required"));
			return Optional.empty();
		}
		Optional<LocalTime> time = TimeOfDay.parse(typed);
		if (time.isEmpty()) {
			problems.put(field, text(key + ".format"));
		}
		return time;
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.UK);
	}

}

package uk.yourarea.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.TextIn;
import uk.yourarea.web.TimeOfDay;

/**
 * The checks on the alert forms that their annotations cannot make: whom the alert is
 * for, and when it should go (a time to come, and not too far ahead). Whether the writer
 * may write there is the service's check ({@link AlertAccess}); here only what was typed.
 */
@Component
class AlertFormChecks {

	/** The draft when everything is right, otherwise the problems in page order. */
	record CheckedDraft(Optional<AlertDraft> draft, List<FormError> errors) {
	}

	/** When to send it when everything is right, otherwise the problems in page order. */
	record CheckedTime(Optional<Instant> sendAt, List<FormError> errors) {
	}

	private final MessageSource messages;

	private final AlertProperties properties;

	private final Clock clock;

	AlertFormChecks(MessageSource messages, AlertProperties properties, Clock clock) {
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param mine the neighbourhoods the writer may write to: what "every one of my
	 * neighbourhoods" means
	 */
	CheckedDraft check(AlertForm form, BindingResult result, Set<Long> mine) {
		Map<String, String> problems = new LinkedHashMap<>(
				FormErrors.byField(FormErrors.inPageOrder(result, AlertForm.FIELD_ORDER)));
		if (problems.containsKey("topic")) {
			// Nothing chosen, or a value that is not one of the options.
			problems.put("topic", text("alerts.staff.topic.required"));
		}
		if (problems.containsKey("reach")) {
			problems.put("reach", text("alerts.staff.reach.required"));
		}
		if (problems.containsKey("areaId") || problems.containsKey("neighbourhoodIds")) {
			problems.computeIfPresent("areaId", (field, problem) -> text("alerts.staff.area.required"));
			problems.computeIfPresent("neighbourhoodIds",
					(field, problem) -> text("alerts.staff.neighbourhoods.required"));
		}
		boolean titleCy = form.titleCy() != null && !form.titleCy().isEmpty();
		boolean bodyCy = form.bodyCy() != null && !form.bodyCy().isEmpty();
		if (titleCy && !bodyCy) {
			problems.putIfAbsent("bodyCy", text("alerts.staff.body-cy.required"));
		}
		if (bodyCy && !titleCy) {
			problems.putIfAbsent("titleCy", text("alerts.staff.title-cy.required"));
		}
		AlertReach reach = form.reachOrNeighbourhoods();
		Set<Long> chosen = new HashSet<>(form.neighbourhoodList());
		if (reach == AlertReach.NEIGHBOURHOODS && form.everyOne()) {
			chosen.addAll(mine);
		}
		if (reach == AlertReach.NEIGHBOURHOODS && chosen.isEmpty()) {
			problems.putIfAbsent("neighbourhoodIds", text("alerts.staff.neighbourhoods.required"));
		}
		if (reach == AlertReach.AREA && form.areaId() == null) {
			problems.putIfAbsent("areaId", text("alerts.staff.area.required"));
		}
		List<FormError> errors = inOrder(problems, AlertForm.FIELD_ORDER);
		if (!errors.isEmpty()) {
			return new CheckedDraft(Optional.empty(), errors);
		}
		return new CheckedDraft(Optional.of(new AlertDraft(Objects.requireNonNull(form.title()),
				Objects.requireNonNull(form.body()), TextIn.orNull(form.titleCy()), TextIn.orNull(form.bodyCy()),
				Objects.requireNonNull(form.topic()), reach, (reach == AlertReach.AREA) ? form.areaId() : null,
				(reach == AlertReach.NEIGHBOURHOODS) ? chosen : Set.of())), errors);
	}

	CheckedTime check(SendAlertForm form) {
		Map<String, String> problems = new LinkedHashMap<>();
		Instant now = this.clock.instant();
		if (SendAlertForm.NOW.equals(form.when())) {
			return new CheckedTime(Optional.of(now), List.of());
		}
		if (!SendAlertForm.LATER.equals(form.when())) {
			problems.put("when", text("alerts.staff.when.required"));
			return new CheckedTime(Optional.empty(), inOrder(problems, SendAlertForm.FIELD_ORDER));
		}
		Optional<LocalDate> date = form.sendDate().toDate();
		form.sendDate()
			.problem(text("alerts.staff.send-date.name"), text("alerts.staff.send-date.required"), this.messages,
					Locale.UK)
			.ifPresent((problem) -> problems.put("send", problem));
		Optional<LocalTime> time = Optional.empty();
		if (form.sendTime() == null || form.sendTime().isBlank()) {
			problems.put("sendTime", text("alerts.staff.send-time.required"));
		}
		else {
			time = TimeOfDay.parse(form.sendTime());
			if (time.isEmpty()) {
				problems.put("sendTime", text("alerts.staff.send-time.format"));
			}
		}
		Instant sendAt = null;
		if (date.isPresent() && time.isPresent()) {
			sendAt = ZonedDateTime.of(date.get(), time.get(), this.clock.getZone()).toInstant();
			if (date.get().isBefore(LocalDate.now(this.clock))) {
				problems.put("send", text("alerts.staff.send-date.past"));
			}
			else if (!sendAt.isAfter(now)) {
				problems.put("sendTime", text("alerts.staff.send-time.past"));
			}
			else if (sendAt.isAfter(now.plus(this.properties.latestSchedule()))) {
				problems.put("send", this.messages.getMessage("alerts.staff.send-date.too-late",
						new Object[] { this.properties.latestSchedule().toDays() }, Locale.UK));
			}
		}
		List<FormError> errors = inOrder(problems, SendAlertForm.FIELD_ORDER);
		return errors.isEmpty() ? new CheckedTime(Optional.of(Objects.requireNonNull(sendAt)), errors)
				: new CheckedTime(Optional.empty(), errors);
	}

	long latestScheduleDays() {
		return this.properties.latestSchedule().toDays();
	}

	private static List<FormError> inOrder(Map<String, String> problems, List<String> fieldOrder) {
		return FormErrors.sortedByField(
				problems.entrySet().stream().map((entry) -> new FormError(entry.getKey(), entry.getValue())).toList(),
				fieldOrder);
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.UK);
	}

}

package uk.yourarea.priority;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import uk.yourarea.consultation.OpenedConsultations;
import uk.yourarea.web.DateInput;
import uk.yourarea.web.FormErrors;

/**
 * The checks on the priority forms that their annotations cannot make: dates against
 * today and the priority, and where a priority came from against the neighbourhood's
 * consultations.
 */
@Component
class PriorityFormValidator {

	private final OpenedConsultations consultations;

	private final MessageSource messages;

	private final Clock clock;

	PriorityFormValidator(OpenedConsultations consultations, MessageSource messages, Clock clock) {
		this.consultations = consultations;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Checks a new priority of the neighbourhood.
	 * @return the neighbourhood's consultations that have opened (id to question)
	 */
	Map<Long, String> validate(PriorityForm form, long neighbourhoodId, Errors errors) {
		LocalDate today = LocalDate.now(this.clock);
		dateProblem(form.raisedOn(), "priority.raised-on")
			.or(() -> form.raisedOn()
				.toDate()
				.filter((date) -> date.isAfter(today))
				.map((date) -> text("priority.raised-on.future")))
			.ifPresent((problem) -> FormErrors.reject(errors, "raisedOn", problem));
		Map<Long, String> opened = this.consultations.questionsOf(neighbourhoodId);
		Priority.Origin origin = form.chosenOrigin();
		Long consultationId = form.chosenConsultationId();
		if (origin == null) {
			FormErrors.reject(errors, "origin", text("priority.origin.required"));
		}
		else if (origin == Priority.Origin.CONSULTATION
				&& (consultationId == null || !opened.containsKey(consultationId))) {
			FormErrors.reject(errors, "originConsultationId", text("priority.origin.consultation.required"));
		}
		else if ((origin == Priority.Origin.PUBLIC_MEETING || origin == Priority.Origin.OTHER)
				&& (form.originDetail() == null || form.originDetail().isEmpty())) {
			FormErrors.reject(errors, "originDetail", text((origin == Priority.Origin.PUBLIC_MEETING)
					? "priority.origin.meeting.required" : "priority.origin.other.required"));
		}
		return opened;
	}

	/** Checks the date of an update to the priority. */
	void validate(PriorityUpdateForm form, Priority priority, Errors errors) {
		LocalDate today = LocalDate.now(this.clock);
		dateProblem(form.writtenOn(), "priority.update.written-on")
			.or(() -> form.writtenOn().toDate().flatMap((date) -> {
				if (date.isAfter(today)) {
					return Optional.of(text("priority.update.written-on.future"));
				}
				if (date.isBefore(priority.getRaisedOn())) {
					return Optional.of(text("priority.update.written-on.before-raised",
							PriorityEditing.DAY.format(priority.getRaisedOn())));
				}
				return Optional.empty();
			}))
			.ifPresent((problem) -> FormErrors.reject(errors, "writtenOn", problem));
	}

	private Optional<String> dateProblem(DateInput date, String key) {
		return date.problem(text(key + ".name"), text(key + ".required"), this.messages, Locale.UK);
	}

	private String text(String key, @Nullable Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.UK);
	}

}

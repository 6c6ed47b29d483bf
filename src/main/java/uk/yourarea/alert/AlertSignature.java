package uk.yourarea.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffRole;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.NotFoundException;

/**
 * The line that signs every alert, written from the author's account when it is asked
 * for, like "Message sent by PC Jo Wigston (Leicestershire Police, neighbourhood team,
 * collar number 1913, Harborough, Oadby and Wigston)": their name (which usually carries
 * their rank), the force, their role, their collar number when they have one, and the
 * area: the local policing area of the alert's neighbourhoods, or the force for an alert
 * to everyone. The preview and the sender use it, so residents get what staff saw.
 */
@Component
class AlertSignature {

	/** The role a signature names: the first of these the author holds. */
	private static final List<StaffRole> SIGNING_ROLES = List.of(StaffRole.SUPERVISOR, StaffRole.OFFICER,
			StaffRole.WEB_EDITOR, StaffRole.ADMIN);

	private final AlertRepository alerts;

	private final StaffAccounts accounts;

	private final NeighbourhoodDirectory directory;

	private final ForceProperties force;

	private final MessageSource text;

	AlertSignature(AlertRepository alerts, StaffAccounts accounts, NeighbourhoodDirectory directory,
			ForceProperties force, MessageSource text) {
		this.alerts = alerts;
		this.accounts = accounts;
		this.directory = directory;
		this.force = force;
		this.text = text;
	}

	/**
	 * The signature of one alert, as it stands now: for the sender to freeze in
	 * {@code alert.signature} when the alert goes.
	 * @throws NotFoundException when there is no such alert, or its author's account is
	 * gone; the sender's transaction goes on, signing the alert otherwise
	 */
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	String signatureFor(long alertId) {
		return signatureFor(
				this.alerts.findById(alertId).orElseThrow(() -> new NotFoundException("No alert " + alertId)));
	}

	/** The signature of one alert, as it stands now. */
	@Transactional(readOnly = true)
	String signatureFor(Alert alert) {
		return sign(alert.getAuthorId(), alert.draft());
	}

	/** The signature of a draft written by this member of staff. */
	@Transactional(readOnly = true)
	String sign(long authorId, AlertDraft draft) {
		StaffAccounts.Account author = this.accounts.find(authorId)
			.orElseThrow(() -> new NotFoundException("No staff account " + authorId));
		List<String> about = new ArrayList<>();
		about.add(this.force.name());
		SIGNING_ROLES.stream()
			.filter(author.roles()::contains)
			.findFirst()
			.ifPresent((role) -> about
				.add(message("alerts.staff.signature.role." + role.name().toLowerCase(Locale.ROOT).replace('_', '-'))));
		if (author.collarNumber() != null) {
			about.add(message("alerts.staff.signature.collar-number", author.collarNumber()));
		}
		about.add(area(draft));
		return message("alerts.staff.signature", author.name(), String.join(", ", about));
	}

	private String area(AlertDraft draft) {
		return switch (draft.reach()) {
			case FORCE -> message("alerts.staff.signature.force-wide", this.force.shortName());
			case AREA -> this.directory.areas()
				.stream()
				.filter((area) -> area.id() == Objects.requireNonNull(draft.areaId()))
				.map((area) -> area.name())
				.findFirst()
				.orElse(this.force.shortName());
			case NEIGHBOURHOODS -> areaNames(draft.neighbourhoodIds());
		};
	}

	private String areaNames(Set<Long> neighbourhoodIds) {
		List<String> names = this.directory.byIds(neighbourhoodIds)
			.stream()
			.map(NeighbourhoodSummary::area)
			.map((area) -> area.name())
			.distinct()
			.toList();
		// Area names have commas of their own ("Harborough, Oadby and Wigston").
		return names.isEmpty() ? this.force.shortName() : String.join("; ", names);
	}

	private String message(String key, Object... arguments) {
		return this.text.getMessage(key, arguments, Locale.UK);
	}

}

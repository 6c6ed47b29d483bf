package uk.yourarea.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffRole;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.Languages;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.SiteProperties;
import uk.yourarea.web.TextIn;

/**
 * The line that signs every alert, written from the author's account when it is asked
 * for, like "Message sent by PC Jo Wigston (Leicestershire Police, neighbourhood team,
 * collar number 1913, Harborough, Oadby and Wigston)": their name (which usually carries
 * their rank), the force, their role, their collar number when they have one, and the
 * area: the local policing area of the alert's neighbourhoods, or the force for an alert
 * to everyone. The preview and the sender use it, so residents get what staff saw.
 * <p>
 * When the site offers Welsh, an alert is signed in Welsh too, for Welsh readers: the
 * same words from the Welsh bundle, with the Welsh names of the force and of local
 * policing areas where they have one.
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

	private final SiteProperties site;

	AlertSignature(AlertRepository alerts, StaffAccounts accounts, NeighbourhoodDirectory directory,
			ForceProperties force, MessageSource text, SiteProperties site) {
		this.alerts = alerts;
		this.accounts = accounts;
		this.directory = directory;
		this.force = force;
		this.text = text;
		this.site = site;
	}

	/**
	 * An alert's signature in English and, when the site offers Welsh, in Welsh.
	 *
	 * @param welsh the Welsh, or {@code null} when the site is in English only
	 */
	record Signed(String english, @Nullable String welsh) {

		/**
		 * The signature a reader in this language gets: the English when there is no
		 * Welsh.
		 */
		TextIn in(Locale language) {
			return TextIn.choose(language, this.english, this.welsh);
		}

	}

	/**
	 * The signature of one alert, as it stands now: for the sender to freeze in
	 * {@code alert.signature} when the alert goes.
	 * @throws NotFoundException when there is no such alert, or its author's account is
	 * gone; the sender's transaction goes on, signing the alert otherwise
	 */
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	Signed signaturesFor(long alertId) {
		return signaturesFor(
				this.alerts.findById(alertId).orElseThrow(() -> new NotFoundException("No alert " + alertId)));
	}

	/** The English signature of one alert, as it stands now. */
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	String signatureFor(long alertId) {
		return signaturesFor(alertId).english();
	}

	/** The signatures of one alert, as it stands now. */
	@Transactional(readOnly = true)
	Signed signaturesFor(Alert alert) {
		return signed(alert.getAuthorId(), alert.draft());
	}

	/** The English signature of one alert, as it stands now. */
	@Transactional(readOnly = true)
	String signatureFor(Alert alert) {
		return sign(alert.getAuthorId(), alert.draft(), Languages.ENGLISH);
	}

	/**
	 * The signatures of a draft written by this member of staff: in English, and in Welsh
	 * when the site offers it.
	 */
	@Transactional(readOnly = true)
	Signed signed(long authorId, AlertDraft draft) {
		return new Signed(sign(authorId, draft, Languages.ENGLISH),
				this.site.offersWelsh() ? sign(authorId, draft, Languages.WELSH) : null);
	}

	/**
	 * The signature when the author's account is gone: the force's neighbourhood team, in
	 * English and, when the site offers it, in Welsh.
	 */
	Signed unknownAuthor() {
		return new Signed(
				message(Languages.ENGLISH, "alerts.signature.author-unknown", this.force.nameIn(Languages.ENGLISH)),
				this.site.offersWelsh() ? message(Languages.WELSH, "alerts.signature.author-unknown",
						this.force.nameIn(Languages.WELSH)) : null);
	}

	/** The signature of a draft written by this member of staff, in one language. */
	@Transactional(readOnly = true)
	String sign(long authorId, AlertDraft draft, Locale language) {
		StaffAccounts.Account author = this.accounts.find(authorId)
			.orElseThrow(() -> new NotFoundException("No staff account " + authorId));
		List<String> about = new ArrayList<>();
		about.add(this.force.nameIn(language));
		SIGNING_ROLES.stream()
			.filter(author.roles()::contains)
			.findFirst()
			.ifPresent((role) -> about.add(message(language,
					"alerts.staff.signature.role." + role.name().toLowerCase(Locale.ROOT).replace('_', '-'))));
		if (author.collarNumber() != null) {
			about.add(message(language, "alerts.staff.signature.collar-number", author.collarNumber()));
		}
		about.add(area(draft, language));
		return message(language, "alerts.staff.signature", author.name(), String.join(", ", about));
	}

	private String area(AlertDraft draft, Locale language) {
		return switch (draft.reach()) {
			case FORCE -> message(language, "alerts.staff.signature.force-wide", this.force.shortNameIn(language));
			case AREA -> this.directory.areas(language)
				.stream()
				.filter((area) -> area.id() == Objects.requireNonNull(draft.areaId()))
				.map((area) -> area.name())
				.findFirst()
				.orElse(this.force.shortNameIn(language));
			case NEIGHBOURHOODS -> areaNames(draft.neighbourhoodIds(), language);
		};
	}

	private String areaNames(Set<Long> neighbourhoodIds, Locale language) {
		List<String> names = this.directory.byIds(neighbourhoodIds, language)
			.stream()
			.map(NeighbourhoodSummary::area)
			.map((area) -> area.name())
			.distinct()
			.toList();
		// Area names have commas of their own ("Harborough, Oadby and Wigston").
		return names.isEmpty() ? this.force.shortNameIn(language) : String.join("; ", names);
	}

	private String message(Locale language, String key, Object... arguments) {
		return this.text.getMessage(key, arguments, language);
	}

}

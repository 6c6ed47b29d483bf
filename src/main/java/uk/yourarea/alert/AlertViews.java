package uk.yourarea.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.notification.EmailCounts;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.web.Languages;
import uk.yourarea.web.SiteProperties;
import uk.yourarea.web.TimeOfDay;

/**
 * Alerts as the staff pages show them: whom for, when, and the preview of the email and
 * web page, in the words of the message bundle.
 */
@Component
class AlertViews {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	/** One line of the list. */
	record Row(long id, String title, String statusKey, boolean draft, String reaches, String author, String when) {
	}

	/**
	 * One alert's page. {@code deliveryCounts} are the outbox's counts of its emails
	 * waiting, sent and failed; null before it goes.
	 */
	record Page(long id, String title, AlertText text, String signature, @Nullable String signatureCy, String statusKey,
			String topicKey, String reaches, String author, String when, int recipients,
			@Nullable String returnedReason, @Nullable EmailCounts deliveryCounts, boolean changeable,
			boolean cancellable, boolean approvable, boolean published) {
	}

	/**
	 * The preview of what residents get; {@code welsh}, what subscribers who chose Welsh
	 * get, when the site offers Welsh: the Welsh signature and wording, with the alert's
	 * Welsh or, when it has none, its English.
	 *
	 * @param textLang the language of the title and text when they are not in the
	 * preview's own ({@code en} in the Welsh preview of an alert with no Welsh)
	 */
	record Preview(AlertEmails.Letter letter, String title, AlertText text, String signature, String teamName,
			@Nullable Preview welsh, @Nullable String textLang) {

		Preview(AlertEmails.Letter letter, String title, AlertText text, String signature, String teamName) {
			this(letter, title, text, signature, teamName, null, null);
		}

	}

	private final NeighbourhoodDirectory directory;

	private final AlertSignature signatures;

	private final AlertEmails emails;

	private final SiteProperties site;

	private final MessageSource messages;

	private final EmailOutbox outbox;

	private final Clock clock;

	AlertViews(NeighbourhoodDirectory directory, AlertSignature signatures, AlertEmails emails, SiteProperties site,
			MessageSource messages, EmailOutbox outbox, Clock clock) {
		this.outbox = outbox;
		this.directory = directory;
		this.signatures = signatures;
		this.emails = emails;
		this.site = site;
		this.messages = messages;
		this.clock = clock;
	}

	Row row(AlertComposing.Shown shown) {
		Alert alert = shown.alert();
		return new Row(alert.getId(), alert.getTitle(), alert.getStatus().labelKey(), alert.isDraft(), reaches(alert),
				shown.authorName(), when(alert));
	}

	Page page(AlertComposing.Shown shown) {
		Alert alert = shown.alert();
		AlertSignature.Signed signed = (alert.getSignature() != null)
				? new AlertSignature.Signed(alert.getSignature(), alert.getSignatureCy())
				: this.signatures.signaturesFor(alert);
		return new Page(alert.getId(), alert.getTitle(), AlertText.of(alert.getBody()), signed.english(),
				signed.welsh(), alert.getStatus().labelKey(), alert.getTopic().labelKey(), reaches(alert),
				shown.authorName(), when(alert), alert.getRecipients(), alert.getReturnedReason(),
				alert.getStatus().isPublished() ? this.outbox.countsFor(AlertSending.reference(alert.getId())) : null,
				shown.changeable(), shown.cancellable(), shown.approvable(), alert.getStatus().isPublished());
	}

	/**
	 * The email and the web page as they will be, with the signature they would get if
	 * they went now. The links in the email are those of the first of its neighbourhoods;
	 * the last three belong to each subscriber, and the preview says so in their place.
	 */
	Preview preview(Alert alert) {
		AlertSignature.Signed signed = this.signatures.signaturesFor(alert);
		String signature = signed.english();
		AlertText text = AlertText.of(alert.getBody());
		List<NeighbourhoodSummary> neighbourhoods = this.directory.byIds(alert.getNeighbourhoodIds());
		NeighbourhoodSummary first = neighbourhoods.isEmpty() ? null : neighbourhoods.get(0);
		String teamName = (first != null) ? first.name() : message("alerts.staff.preview.sample-team");
		AlertEmails.Letter letter = this.emails.compose(alert.getTitle(), text, signature, teamName,
				webLink(first, alert, Languages.ENGLISH), replyLink(first, alert, Languages.ENGLISH),
				message("alerts.staff.preview.own-manage-link"), message("alerts.staff.preview.own-stop-team-link"),
				message("alerts.staff.preview.own-unsubscribe-link"));
		Preview welsh = null;
		if (signed.welsh() != null || alert.hasWelsh()) {
			AlertText welshText = AlertText.of(alert.bodyIn(Languages.WELSH));
			String welshTitle = alert.titleIn(Languages.WELSH);
			String welshSignature = signed.in(Languages.WELSH).toString();
			// Welsh subscribers read the neighbourhood's Welsh name, where it has one.
			String welshTeamName = (first != null)
					? this.directory.byId(first.id(), Languages.WELSH).map(NeighbourhoodSummary::name).orElse(teamName)
					: teamName;
			welsh = new Preview(this.emails.in(Languages.WELSH)
				.compose(welshTitle, welshText, welshSignature, welshTeamName, webLink(first, alert, Languages.WELSH),
						replyLink(first, alert, Languages.WELSH), message("alerts.staff.preview.own-manage-link"),
						message("alerts.staff.preview.own-stop-team-link"),
						message("alerts.staff.preview.own-unsubscribe-link")),
					welshTitle, welshText, welshSignature, welshTeamName, null, alert.hasWelsh() ? null : "en");
		}
		return new Preview(letter, alert.getTitle(), text, signature, teamName, welsh, null);
	}

	/** The alert's page in the first neighbourhood's archive, in that language. */
	private String webLink(@Nullable NeighbourhoodSummary first, Alert alert, Locale language) {
		return (first != null)
				? this.site.link(Languages.pathPrefix(language) + AlertEmails.pagePath(first.slug(), alert.getId()))
				: message("alerts.staff.preview.sample-web-link");
	}

	/**
	 * The first neighbourhood's contact form, replying to the alert, in that language.
	 */
	private String replyLink(@Nullable NeighbourhoodSummary first, Alert alert, Locale language) {
		return (first != null)
				? this.site.link(Languages.pathPrefix(language) + AlertEmails.replyPath(first.slug(), alert.getId()))
				: message("alerts.staff.preview.sample-reply-link");
	}

	String reaches(Alert alert) {
		return switch (alert.getReach()) {
			case FORCE -> message("alerts.staff.reaches.force");
			case AREA -> this.directory.areas()
				.stream()
				.filter((area) -> area.id() == Objects.requireNonNull(alert.getLocalPolicingAreaId()))
				.map((area) -> message("alerts.staff.reaches.area", area.name()))
				.findFirst()
				.orElse("");
			case NEIGHBOURHOODS -> String.join(", ",
					this.directory.byIds(alert.getNeighbourhoodIds())
						.stream()
						.map(NeighbourhoodSummary::name)
						.toList());
		};
	}

	String when(Alert alert) {
		return switch (alert.getStatus()) {
			case DRAFT -> message("alerts.staff.when.draft", at(alert.getUpdatedAt()));
			case AWAITING_APPROVAL ->
				message("alerts.staff.when.awaiting-approval", at(Objects.requireNonNull(alert.getSendAt())));
			case SCHEDULED -> message("alerts.staff.when.scheduled", at(Objects.requireNonNull(alert.getSendAt())));
			case SENDING, SENT -> message("alerts.staff.when.sent",
					at(Objects.requireNonNullElse(alert.getPublishedAt(), alert.getUpdatedAt())));
			case CANCELLED -> message("alerts.staff.when.cancelled", at(alert.getUpdatedAt()));
		};
	}

	String at(Instant instant) {
		ZonedDateTime time = instant.atZone(this.clock.getZone());
		return message("alerts.staff.at", time.format(DAY),
				TimeOfDay.format(time.toLocalTime(), TimeOfDay.Noon.TWELVE_PM));
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.UK);
	}

}

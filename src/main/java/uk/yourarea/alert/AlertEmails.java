package uk.yourarea.alert;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import uk.yourarea.web.Languages;

/**
 * Writes the email one subscriber gets for one alert: the same words as the alert's web
 * page, its signature, the link to reply through the contact form (replies to the email
 * itself are not read, and the email says so), and the subscriber's own links to manage
 * their messages, to stop that team's and to stop them all. The staff preview uses it
 * too, so it shows exactly what goes.
 */
@Component
class AlertEmails {

	/** Subjects are cut to this, below the outbox's 200-character limit. */
	static final int MAX_SUBJECT_LENGTH = 190;

	private final MessageSource text;

	AlertEmails(MessageSource text) {
		this.text = text;
	}

	/** What an email says and where its links go. */
	record Letter(String subject, String body) {
	}

	/**
	 * The email in English, as the staff preview shows it.
	 * @see Letters#compose
	 */
	Letter compose(String title, AlertText alertText, String signature, String teamName, String webLink,
			String replyLink, String manageLink, String stopTeamLink, String unsubscribeLink) {
		return in(Languages.ENGLISH).compose(title, alertText, signature, teamName, webLink, replyLink, manageLink,
				stopTeamLink, unsubscribeLink);
	}

	/**
	 * The fixed wording of alert emails in one language, read from the bundle once, to
	 * write any number of emails with. Not for use by two threads at once.
	 */
	Letters in(Locale locale) {
		Locale language = Languages.of(locale);
		return new Letters(pattern("alerts.email.alert.subject", language),
				pattern("alerts.email.alert.body", language));
	}

	/** Alert emails in one language. */
	static final class Letters {

		private final MessageFormat subject;

		private final MessageFormat body;

		Letters(MessageFormat subject, MessageFormat body) {
			this.subject = subject;
			this.body = body;
		}

		/**
		 * @param title the alert's title
		 * @param alertText the alert's words
		 * @param signature who sent it, as frozen when it went
		 * @param teamName the neighbourhood the subscriber follows that the alert went
		 * to, like "Wigston"
		 * @param webLink the alert's page in that neighbourhood's archive
		 * @param replyLink that neighbourhood's contact form, naming the alert
		 * @param manageLink the subscriber's personal link
		 * @param stopTeamLink the subscriber's link to stop that neighbourhood's messages
		 * and keep the others
		 * @param unsubscribeLink the subscriber's link to stop everything
		 */
		Letter compose(String title, AlertText alertText, String signature, String teamName, String webLink,
				String replyLink, String manageLink, String stopTeamLink, String unsubscribeLink) {
			String subject = this.subject.format(new Object[] { teamName, title });
			if (subject.length() > MAX_SUBJECT_LENGTH) {
				subject = subject.substring(0, MAX_SUBJECT_LENGTH - 1) + "…";
			}
			String body = this.body.format(new Object[] { title, alertText.asPlainText(), signature, replyLink,
					teamName, webLink, manageLink, unsubscribeLink, stopTeamLink });
			return new Letter(subject, body);
		}

	}

	/** The path of an alert's page in one neighbourhood's archive. */
	static String pagePath(String slug, long alertId) {
		return "/area/" + slug + "/alerts/" + alertId;
	}

	/** The path of the page where a subscriber stops one neighbourhood's messages. */
	static String stopTeamPath(String manageToken, long neighbourhoodId) {
		return "/alerts/manage/" + manageToken + "/" + neighbourhoodId + "/stop";
	}

	/** The path of one neighbourhood's contact form, replying to an alert. */
	static String replyPath(String slug, long alertId) {
		return "/area/" + slug + "/contact?alert=" + alertId;
	}

	/**
	 * A text with arguments as a MessageFormat: asked for without arguments, the bundle
	 * gives it as written.
	 */
	private MessageFormat pattern(String key, Locale locale) {
		return new MessageFormat(this.text.getMessage(key, null, locale), locale);
	}

}

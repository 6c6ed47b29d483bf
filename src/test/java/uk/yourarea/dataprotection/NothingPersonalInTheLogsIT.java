package uk.yourarea.dataprotection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's logs hold no resident's name, email address, phone number or words:
 * every line logged, on every thread, while a resident writes in, the team answers, the
 * relay delivers the emails, the resident answers a consultation and the desk erases it
 * all, is checked for the resident's canary values.
 */
@DemoSiteTest
class NothingPersonalInTheLogsIT {

	/**
	 * GreenMail, the test's SMTP server, logs the addresses it receives for; it stands in
	 * for the force's mail server and is no part of the application.
	 */
	private static final String TEST_MAIL_SERVER = "com.icegreen.greenmail";

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

	@Autowired
	RateLimits rateLimits;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GreenMail greenMail;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataProtectionDesk desk;

	@Test
	void noLogLineHoldsAResidentsPersonalData() {
		OnePerson person = new OnePerson(this.site, this.stamps, this.rateLimits, this.jdbc, this.greenMail,
				this.outbox, this.transactions);
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(log);
		try {
			person.fillEveryKindOfRecord();
			person.eraseAtTheDesk(this.desk);
		}
		finally {
			root.detachAppender(log);
		}

		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : List.copyOf(log.list)) {
			if (event.getLoggerName().startsWith(TEST_MAIL_SERVER)) {
				continue;
			}
			StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
				.append(event.getFormattedMessage())
				.append(' ')
				.append(event.getMDCPropertyMap());
			if (event.getThrowableProxy() != null) {
				line.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
			}
			lines.add(line.toString());
		}
		assertThat(lines).as("lines logged while the resident was served").isNotEmpty();
		assertThat(lines).as("the relay's lines are among them")
			.anySatisfy((line) -> assertThat(line).contains("OutboxRelay").contains("sent on attempt"));
		for (Map.Entry<String, String> canary : person.canaries().entrySet()) {
			assertThat(lines).as("log lines holding the %s", canary.getKey())
				.noneMatch((line) -> line.toLowerCase().contains(canary.getValue().toLowerCase()));
		}
	}

}

package uk.yourarea.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessagePreparator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import uk.yourarea.personaldata.HeldRecord;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The outbox and its relay against PostgreSQL and GreenMail, a real SMTP server in this
 * JVM. The scheduled relay is off: each test runs the relay itself, on a clock it moves.
 * <p>
 * The clock starts in 2099 so that a relay running on the real clock in another cached
 * application context (sharing this test run's database) never finds these emails due;
 * the response clock's jobs are off so that they do not act on other tests' messages at
 * that time. Emails go to {@code @outbox.test}, and assertions look only at those, in
 * case this relay sends someone else's.
 */
@SpringBootTest(properties = { "yourarea.mail.relay-enabled=false", "yourarea.contact.jobs-enabled=false" })
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class OutboxRelayIT {

	static final Instant START = Instant.parse("2099-03-02T09:00:00Z");

	/**
	 * GreenMail's test SMTP setup on a free port rather than 3025, which another build
	 * may hold.
	 */
	static final ServerSetup SMTP = ServerSetupTest.SMTP.port(freePort());

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(SMTP);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", SMTP::getBindAddress);
		registry.add("spring.mail.port", SMTP::getPort);
	}

	@Autowired
	private EmailOutbox outbox;

	@Autowired
	private OutboxRelay relay;

	@Autowired
	private OutboxEmailRepository emails;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private JavaMailSender mailSender;

	@Autowired
	private OutboxProperties properties;

	@Autowired
	private ApplicationEventPublisher publisher;

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private OutboxPersonalData personalData;

	private TransactionTemplate transactions;

	private final List<Long> areas = new ArrayList<>();

	@BeforeEach
	void startWithAnEmptyOutbox() {
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.jdbc.update("delete from outbox_email");
		this.clock.set(START);
	}

	@AfterEach
	void leaveNothingBehind() {
		this.jdbc.update("delete from outbox_email");
		for (long area : this.areas) {
			this.jdbc.update("delete from contact_message where neighbourhood_id in "
					+ "(select id from neighbourhood where local_policing_area_id = ?)", area);
			this.jdbc.update("delete from neighbourhood where local_policing_area_id = ?", area);
			this.jdbc.update("delete from local_policing_area where id = ?", area);
		}
	}

	@Test
	void sendsAQueuedEmailAsPlainUtf8TextFromTheSite() throws Exception {
		String body = "Dear Jane,\n\nThank you for your message to the Wigston team. We will reply by 12 March.\n"
				+ "See it at https://example.org/m/abc123\n\nPrices in £, café, ✓";
		long id = queue("jane@outbox.test", "Your message to Wigston's team: YA-7K3M-Q9XD", body);

		this.relay.relayDue();

		MimeMessage message = single(receivedBy("jane@outbox.test"));
		assertThat(message.getSubject()).isEqualTo("Your message to Wigston's team: YA-7K3M-Q9XD");
		assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(((String) message.getContent()).replace("\r\n", "\n")).isEqualTo(body);
		InternetAddress from = (InternetAddress) message.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("no-reply@example.org");
		assertThat(from.getPersonal()).isEqualTo("Leicestershire Police Your Area");
		assertThat(message.getRecipients(RecipientType.TO)).extracting(Address::toString)
			.containsExactly("jane@outbox.test");
		assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(message.getMessageID()).startsWith("<outbox-" + id + ".").endsWith("@example.org>");
		assertThat(message.getSentDate()).isEqualTo(Date.from(START));
		OutboxEmail sent = email(id);
		assertThat(sent.getStatus()).isEqualTo(OutboxEmail.Status.SENT);
		assertThat(sent.getAttempts()).isEqualTo(1);
		assertThat(sent.getSentAt()).isEqualTo(START);
	}

	@Test
	void talksToTheSmtpServerWithTimeoutsAndLeavesItOutOfTheHealthCheck() {
		assertThat(((JavaMailSenderImpl) this.mailSender).getJavaMailProperties())
			.containsEntry("mail.smtp.connectiontimeout", "5000")
			.containsEntry("mail.smtp.timeout", "5000")
			.containsEntry("mail.smtp.writetimeout", "5000");
		assertThat(this.context.containsBean("mailHealthContributor")).isFalse();
		assertThat(this.context.getBeansOfType(OutboxRelaySchedule.class)).as("switched off for these tests").isEmpty();
	}

	@Test
	void forgetsTheBodyOnceTheEmailIsSent() {
		long id = queue("jane@outbox.test", "Your message YA-7K3M-Q9XD",
				"Your private link: https://example.org/m/s3cr3t");

		this.relay.relayDue();

		assertThat(receivedBy("jane@outbox.test")).hasSize(1);
		assertThat(email(id).getBody()).isNull();
		assertThat(email(id).getToAddress()).isNull();
		assertThat(email(id).getToDomain()).isEqualTo("outbox.test");
		assertThat(
				this.jdbc.queryForObject("select count(*) from outbox_email where body like '%s3cr3t%'", Integer.class))
			.isZero();
	}

	@Test
	void storesLongBodiesCompressedWithLz4() {
		long id = queue("jane@outbox.test", "An alert for Wigston", "Burglaries on Long Street. ".repeat(80));

		assertThat(this.jdbc.queryForObject("select pg_column_compression(body) from outbox_email where id = ?",
				String.class, id))
			.isEqualTo("lz4");
	}

	@Test
	void queuesNothingWhenTheTransactionRollsBack() {
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.queue("test-email", "jane@outbox.test", "Your message", "Hello", null);
			status.setRollbackOnly();
		});

		assertThat(ours()).isEmpty();
		this.relay.relayDue();
		assertThat(receivedBy("jane@outbox.test")).isEmpty();
	}

	@Test
	void queuesOnlyInsideTheCallersTransaction() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.outbox.queue("test-email", "jane@outbox.test", "Your message", "Hello", null));
		assertThat(ours()).isEmpty();
	}

	@Test
	void refusesLineBreaksInTheAddressOrSubject() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> queue("jane@outbox.test\r\nBcc: everyone@outbox.test", "Your message", "Hello"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> queue("jane@outbox.test\nBcc: everyone@outbox.test", "Your message", "Hello"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> queue("jane@outbox.test", "Your message\r\nBcc: everyone@outbox.test", "Hello"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> queue("jane@outbox.test", "Your message\nBcc: everyone@outbox.test", "Hello"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> queue("a".repeat(243) + "@outbox.test", "Your message", "Hello"));
		assertThatIllegalArgumentException().isThrownBy(() -> queue("jane@outbox.test", "x".repeat(201), "Hello"));
		assertThatIllegalArgumentException().isThrownBy(() -> queue("jane@outbox.test", " ", "Hello"));
		assertThat(ours()).isEmpty();
	}

	@Test
	void acceptsAnAddressOf254Characters() {
		String address = "a".repeat(242) + "@outbox.test";

		queue(address, "Your message", "Hello");

		assertThat(address).hasSize(254);
		assertThat(ours()).hasSize(1);
	}

	@Test
	void neverSendsToAListOfAddresses() {
		long id = queue("jane@outbox.test, everyone@outbox.test", "Your message", "Hello");

		this.relay.relayDue();

		assertThat(receivedFor("outbox.test")).isEmpty();
		OutboxEmail failed = email(id);
		assertThat(failed.getStatus()).isEqualTo(OutboxEmail.Status.FAILED);
		assertThat(failed.getLastError()).startsWith("invalid address");
	}

	@Test
	void waitsOutAnOutageUntriedAndSendsEverythingOnceAsSoonAsTheServerIsBack(CapturedOutput output) throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(queue("resident-" + i + "@outbox.test", "Your message " + i, "Hello " + i));
			this.clock.advance(Duration.ofSeconds(1));
		}
		greenMail.stop();
		AtomicInteger tries = new AtomicInteger();
		OutboxRelay relay = relayWith(new DelegatingMailSender(this.mailSender, (message) -> tries.incrementAndGet()));

		for (int run = 0; run < 4; run++) {
			assertThat(relay.relayDue()).isZero();
			for (long id : ids) {
				OutboxEmail waiting = email(id);
				assertThat(waiting.getStatus()).isEqualTo(OutboxEmail.Status.PENDING);
				assertThat(waiting.getAttempts()).as("not counted against the email").isZero();
				assertThat(waiting.getNextAttemptAt()).as("due as when it was queued")
					.isEqualTo(waiting.getCreatedAt())
					.isBeforeOrEqualTo(this.clock.instant());
				assertThat(waiting.getLeasedUntil()).as("handed back").isNull();
				assertThat(waiting.getLastError()).isNull();
				assertThat(waiting.getBody()).startsWith("Hello");
			}
			this.clock.advance(this.properties.relayInterval());
		}
		assertThat(tries).as("one try a run: the rest of the batch is left alone").hasValue(4);

		greenMail.start();
		assertThat(relay.relayDue()).isEqualTo(5);

		Map<String, Long> received = byMessageId(receivedFor("outbox.test"));
		assertThat(received).hasSize(5).allSatisfy((messageId, times) -> assertThat(times).isOne());
		assertThat(received).containsOnlyKeys(ids.stream().map(this::messageIdOf).toList());
		assertThat(ids).allSatisfy((id) -> {
			assertThat(email(id).getStatus()).isEqualTo(OutboxEmail.Status.SENT);
			assertThat(email(id).getAttempts()).isOne();
		});
		assertThat(relay.relayDue()).isZero();
		assertThat(receivedFor("outbox.test")).hasSize(5);
		assertThat(occurrences(output, "The SMTP server cannot be used")).as("WARN once").isOne();
		assertThat(occurrences(output, "The SMTP server can be used again")).as("INFO once").isOne();
	}

	@Test
	void bringsForwardTheEmailsPushedBackAsTheServerWentDown() {
		long first = queue("first@outbox.test", "Your message", "Hello");
		this.clock.advance(Duration.ofSeconds(1));
		long second = queue("second@outbox.test", "Your message", "Hello");
		greenMail.stop();
		// the first email's connection is reset as the server goes down; the second finds
		// it gone
		AtomicBoolean resetFirst = new AtomicBoolean(true);
		OutboxRelay relay = relayWith(new DelegatingMailSender(this.mailSender, (message) -> {
			if (resetFirst.getAndSet(false)) {
				throw connectionReset(message);
			}
		}));

		relay.relayDue();

		OutboxEmail pushedBack = email(first);
		assertThat(pushedBack.getAttempts()).isOne();
		assertThat(pushedBack.getNextAttemptAt()).isEqualTo(START.plusSeconds(1).plus(Duration.ofMinutes(1)));
		assertThat(email(second).getAttempts()).isZero();

		greenMail.start();
		this.clock.advance(this.properties.relayInterval());
		assertThat(relay.relayDue()).isEqualTo(2);

		assertThat(receivedBy("first@outbox.test")).hasSize(1);
		assertThat(receivedBy("second@outbox.test")).hasSize(1);
		assertThat(email(first).getSentAt()).as("not a minute later")
			.isEqualTo(START.plusSeconds(1).plus(this.properties.relayInterval()));
	}

	@Test
	void neverGivesUpOnAnEmailBecauseTheServerWasOut() {
		greenMail.stop();
		long id = queue("jane@outbox.test", "Your message", "Hello");
		OutboxRelay relay = relayWith(this.mailSender);

		relay.relayDue();
		this.clock.advance(this.properties.giveUpAfter().plusHours(1));
		relay.relayDue();

		assertThat(email(id).getStatus()).isEqualTo(OutboxEmail.Status.PENDING);
		assertThat(email(id).getAttempts()).isZero();
		greenMail.start();
		relay.relayDue();
		assertThat(receivedBy("jane@outbox.test")).hasSize(1);
		assertThat(email(id).getStatus()).isEqualTo(OutboxEmail.Status.SENT);
	}

	@Test
	void stopsTheBatchWhenTheServerIsDownAndLeavesEveryEmailUntried() {
		greenMail.stop();
		long first = queue("first@outbox.test", "Your message", "Hello");
		this.clock.advance(Duration.ofSeconds(1));
		long second = queue("second@outbox.test", "Your message", "Hello");
		long third = queue("third@outbox.test", "Your message", "Hello");

		relayWith(this.mailSender).relayDue();

		for (long untried : List.of(first, second, third)) {
			OutboxEmail email = email(untried);
			assertThat(email.getStatus()).isEqualTo(OutboxEmail.Status.PENDING);
			assertThat(email.getAttempts()).isZero();
			assertThat(email.getLastAttemptAt()).isNull();
			assertThat(email.getNextAttemptAt()).as("due again as before").isEqualTo(email.getCreatedAt());
			assertThat(email.getLeasedUntil()).isNull();
		}
	}

	@Test
	void marksTheEmailFailedAfterSeventyTwoHoursOfFailures() throws Exception {
		long id = queue("busy@outbox.test", "Your message", "Hello");
		Instant deadline = START.plus(Duration.ofHours(72));
		List<Duration> waits = new ArrayList<>();

		try (RejectingSmtpServer server = new RejectingSmtpServer("451 4.7.1 Greylisted, try again later")) {
			OutboxRelay relay = relayTo(server);
			for (int runs = 0; runs < 200 && email(id).isPending(); runs++) {
				relay.relayDue();
				OutboxEmail email = email(id);
				if (email.isPending()) {
					assertThat(email.getNextAttemptAt()).isBeforeOrEqualTo(deadline);
					waits.add(Duration.between(this.clock.instant(), email.getNextAttemptAt()));
					this.clock.set(email.getNextAttemptAt());
				}
			}
		}

		OutboxEmail failed = email(id);
		assertThat(failed.getStatus()).isEqualTo(OutboxEmail.Status.FAILED);
		assertThat(this.clock.instant()).as("the last attempt").isEqualTo(deadline);
		assertThat(waits.subList(0, 8)).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2),
				Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32),
				Duration.ofHours(1), Duration.ofHours(1));
		// at 0, 1, 3, 7, 15, 31 and 63 min, then hourly until 71 h 3 min, then at 72 h
		assertThat(failed.getAttempts()).isEqualTo(78);
		assertThat(failed.getToAddress()).as("nothing personal kept once failed").isNull();
		assertThat(failed.getBody()).isNull();
		assertThat(failed.getLastError()).startsWith("Gave up 72 hours after it was queued").contains("SMTP 451");
		assertThat(this.events.stream(EmailFailed.class))
			.containsExactly(new EmailFailed(id, null, "test-email", "busy@outbox.test", false));
	}

	@Test
	void failsAtOnceWhenTheServerRefusesTheRecipient() throws Exception {
		long messageId = aContactMessage();
		long id = queue("nobody@outbox.test", "Your message", "Hello", messageId);

		try (RejectingSmtpServer server = new RejectingSmtpServer("550 5.1.1 <nobody@outbox.test>: User unknown")) {
			relayTo(server).relayDue();
			assertThat(server.refusals()).isEqualTo(1);
		}

		OutboxEmail failed = email(id);
		assertThat(failed.getStatus()).isEqualTo(OutboxEmail.Status.FAILED);
		assertThat(failed.getAttempts()).isEqualTo(1);
		assertThat(failed.getLastError()).startsWith("SMTP 550").contains("User unknown");
		assertThat(failed.getToAddress()).as("nothing personal kept once failed").isNull();
		assertThat(failed.getSubject()).isNull();
		assertThat(failed.getBody()).isNull();
		assertThat(failed.getToDomain()).isEqualTo("outbox.test");
		assertThat(failed.getLastError()).as("the server quoted the address").doesNotContain("nobody@");
		assertThat(this.events.stream(EmailFailed.class))
			.containsExactly(new EmailFailed(id, messageId, "test-email", "nobody@outbox.test", true));
		assertThat(this.outbox.hasFailedEmail(messageId)).isTrue();
		assertThat(this.outbox.forMessage(messageId)).extracting(OutboxEmail::getId, OutboxEmail::getStatus)
			.containsExactly(tuple(id, OutboxEmail.Status.FAILED));
	}

	@Test
	void triesAgainWhenTheServerDefersTheRecipient() throws Exception {
		long messageId = aContactMessage();
		long id = queue("busy@outbox.test", "Your message", "Hello", messageId);

		try (RejectingSmtpServer server = new RejectingSmtpServer("451 4.7.1 Greylisted, try again later")) {
			relayTo(server).relayDue();
			assertThat(server.refusals()).isEqualTo(1);
		}

		OutboxEmail waiting = email(id);
		assertThat(waiting.getStatus()).isEqualTo(OutboxEmail.Status.PENDING);
		assertThat(waiting.getAttempts()).isEqualTo(1);
		assertThat(waiting.getNextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
		assertThat(waiting.getLastError()).startsWith("SMTP 451");
		assertThat(this.outbox.hasFailedEmail(messageId)).isFalse();
		assertThat(this.events.stream(EmailFailed.class)).isEmpty();
	}

	@Test
	void sendsEachEmailExactlyOnceWhenTwoRelaysRace() throws Exception {
		int count = 50;
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(queue("resident-" + i + "@outbox.test", "Your message " + i, "Hello " + i));
		}
		OutboxRelay otherInstance = new OutboxRelay(this.emails, this.mailSender, this.properties, this.clock,
				this.transactionManager, this.publisher);
		CyclicBarrier start = new CyclicBarrier(2);
		Callable<Integer> relayUntilDone = () -> {
			start.await(10, TimeUnit.SECONDS);
			int sent = 0;
			for (int runs = 0; runs < 10; runs++) {
				sent += this.relay.relayDue();
			}
			return sent;
		};
		Callable<Integer> otherUntilDone = () -> {
			start.await(10, TimeUnit.SECONDS);
			int sent = 0;
			for (int runs = 0; runs < 10; runs++) {
				sent += otherInstance.relayDue();
			}
			return sent;
		};

		ExecutorService threads = Executors.newFixedThreadPool(2);
		int sentByOne;
		int sentByOther;
		try {
			Future<Integer> one = threads.submit(relayUntilDone);
			Future<Integer> other = threads.submit(otherUntilDone);
			sentByOne = one.get(60, TimeUnit.SECONDS);
			sentByOther = other.get(60, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}

		Map<String, Long> received = byMessageId(receivedFor("outbox.test"));
		assertThat(received).containsOnlyKeys(ids.stream().map(this::messageIdOf).toList())
			.allSatisfy((messageId, times) -> assertThat(times).as(messageId).isOne());
		assertThat(sentByOne + sentByOther).isEqualTo(count);
		assertThat(ours()).hasSize(count)
			.allSatisfy((email) -> assertThat(email.getStatus()).isEqualTo(OutboxEmail.Status.SENT))
			.allSatisfy((email) -> assertThat(email.getAttempts()).isEqualTo(1))
			.allSatisfy((email) -> assertThat(email.getLeasedUntil()).isNull());
	}

	@Test
	void holdsNoLockWhileSendingAndLetsNoOtherRelayTakeTheEmail() throws Exception {
		long id = queue("jane@outbox.test", "Your message", "Hello");
		CountDownLatch sending = new CountDownLatch(1);
		CountDownLatch carryOn = new CountDownLatch(1);
		OutboxRelay slowRelay = relayWith(new DelegatingMailSender(this.mailSender, (message) -> {
			sending.countDown();
			await(carryOn);
		}));

		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			Future<Integer> slow = thread.submit(slowRelay::relayDue);
			assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();

			// In the middle of the SMTP conversation: the row is not locked...
			assertThat(this.jdbc.queryForList("select id from outbox_email where id = ? for update nowait", Long.class,
					id))
				.containsExactly(id);
			// ...but it is leased, so another relay leaves it alone.
			assertThat(email(id).getLeasedUntil()).isEqualTo(START.plus(this.properties.lease()));
			assertThat(email(id).getNextAttemptAt()).isEqualTo(START);
			this.relay.relayDue();
			assertThat(receivedBy("jane@outbox.test")).isEmpty();

			carryOn.countDown();
			assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(1);
		}
		finally {
			carryOn.countDown();
			thread.shutdownNow();
		}
		this.clock.advance(Duration.ofHours(1));
		this.relay.relayDue();

		assertThat(receivedBy("jane@outbox.test")).hasSize(1);
		assertThat(email(id).getStatus()).isEqualTo(OutboxEmail.Status.SENT);
	}

	@Test
	void keepsItsClaimWhileASlowServerTakesLongerThanTheLeaseOverTheBatch() {
		long first = queue("first@outbox.test", "Your message", "Hello");
		this.clock.advance(Duration.ofSeconds(1));
		long second = queue("second@outbox.test", "Your message", "Hello");
		OutboxRelay other = relayWith(this.mailSender);
		List<Integer> sentByOther = new ArrayList<>();
		// each email takes two thirds of the lease; another relay runs meanwhile
		OutboxRelay slowRelay = relayWith(new DelegatingMailSender(this.mailSender, (message) -> {
			this.clock.advance(this.properties.lease().multipliedBy(2).dividedBy(3));
			sentByOther.add(other.relayDue());
		}));

		assertThat(slowRelay.relayDue()).isEqualTo(2);

		assertThat(sentByOther).containsExactly(0, 0);
		assertThat(email(second).getSentAt()).as("after the lease it took the email with")
			.isAfter(START.plusSeconds(1).plus(this.properties.lease()));
		assertThat(receivedBy("first@outbox.test")).hasSize(1);
		assertThat(receivedBy("second@outbox.test")).hasSize(1);
		assertThat(email(first).getStatus()).isEqualTo(OutboxEmail.Status.SENT);
	}

	@Test
	void keepsItsClaimWhileOneEmailTakesLongerThanTheLease() throws Exception {
		long id = queue("jane@outbox.test", "Your message", "Hello");
		CountDownLatch sending = new CountDownLatch(1);
		CountDownLatch carryOn = new CountDownLatch(1);
		OutboxRelay slowRelay = relayWith(new DelegatingMailSender(this.mailSender, (message) -> {
			sending.countDown();
			await(carryOn);
		}));
		OutboxRelay other = relayWith(this.mailSender);
		Duration lease = this.properties.lease();

		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			Future<Integer> slow = thread.submit(slowRelay::relayDue);
			assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
			// three leases go by while the server is busy with the email
			for (int step = 0; step < 6; step++) {
				this.clock.advance(lease.dividedBy(2));
				Instant now = this.clock.instant();
				assertThat(eventually(() -> email(id).getLeasedUntil().isAfter(now.plus(lease.dividedBy(3)))))
					.as("the heartbeat extends the lease")
					.isTrue();
				assertThat(other.relayDue()).isZero();
			}
			carryOn.countDown();
			assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(1);
		}
		finally {
			carryOn.countDown();
			thread.shutdownNow();
		}

		assertThat(receivedBy("jane@outbox.test")).hasSize(1);
		assertThat(email(id).getStatus()).isEqualTo(OutboxEmail.Status.SENT);
		assertThat(email(id).getLeasedUntil()).isNull();
	}

	@Test
	void takesOverTheEmailsOfACrashedRelayOnceItsShortLeaseRunsOut() {
		assertThat(this.properties.lease()).as("yourarea.mail.lease").isEqualTo(Duration.ofSeconds(30));
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(queue("resident-" + i + "@outbox.test", "Your message " + i, "Hello " + i));
		}
		// takes the emails, then dies: no heartbeat, no outcome
		OutboxRelay.Claim abandoned = relayWith(this.mailSender).claim(this.properties.batchSize());
		assertThat(abandoned.ids()).containsExactlyElementsOf(ids);
		OutboxRelay survivor = relayWith(this.mailSender);

		this.clock.advance(this.properties.lease().minusSeconds(1));
		assertThat(survivor.relayDue()).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(survivor.relayDue()).isEqualTo(3);

		assertThat(this.clock.instant()).isEqualTo(START.plusSeconds(30)).isBefore(START.plus(Duration.ofMinutes(2)));
		assertThat(byMessageId(receivedFor("outbox.test"))).hasSize(3)
			.allSatisfy((messageId, times) -> assertThat(times).isOne());
		assertThat(ids).allSatisfy((id) -> assertThat(email(id).getAttempts()).isOne());
	}

	@Test
	void givesAnEmailTheSameMessageIdOnEveryAttempt() throws Exception {
		long id = queue("jane@outbox.test", "Your message", "Hello");
		List<String> tried = new ArrayList<>();
		AtomicBoolean resetFirst = new AtomicBoolean(true);
		OutboxRelay relay = relayWith(new DelegatingMailSender(this.mailSender, (message) -> {
			tried.add(messageId(message));
			if (resetFirst.getAndSet(false)) {
				throw connectionReset(message);
			}
		}));

		relay.relayDue();
		assertThat(email(id).getAttempts()).isOne();
		this.clock.advance(Duration.ofMinutes(1));
		relay.relayDue();

		String expected = "<outbox-" + id + "." + email(id).getCreatedAt().toEpochMilli() + "@example.org>";
		assertThat(tried).containsExactly(expected, expected);
		assertThat(single(receivedBy("jane@outbox.test")).getMessageID()).isEqualTo(expected);
		assertThat(email(id).getAttempts()).isEqualTo(2);
	}

	@Test
	void forgetsTheAddressInTheLastErrorOnceSentAfterARetry() throws Exception {
		long id = queue("busy@outbox.test", "Your message", "Hello");
		try (RejectingSmtpServer server = new RejectingSmtpServer("451 4.2.1 <busy@outbox.test>: try again later")) {
			relayTo(server).relayDue();
		}
		assertThat(email(id).getLastError()).contains("busy@outbox.test");
		this.clock.advance(Duration.ofMinutes(1));

		this.relay.relayDue();

		OutboxEmail sent = email(id);
		assertThat(sent.getStatus()).isEqualTo(OutboxEmail.Status.SENT);
		assertThat(sent.getAttempts()).isEqualTo(2);
		assertThat(sent.getSentAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
		assertThat(sent.getLastAttemptAt()).isEqualTo(sent.getSentAt());
		assertThat(sent.getLeasedUntil()).isNull();
		assertThat(sent.getToAddress()).isNull();
		assertThat(sent.getToDomain()).isEqualTo("outbox.test");
		assertThat(sent.getLastError()).startsWith("SMTP 451").contains("<[address]>").doesNotContain("busy@");
	}

	@Test
	void sendsTheUnsubscribeHeadersAndForgetsThemOnceSent() throws Exception {
		long id = queue(alertTo("jane@outbox.test")
			.withHeaders(Map.of("List-Unsubscribe", "<https://example.org/alerts/unsubscribe/s3cr3t>",
					"List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
		assertThat(email(id).getHeaders()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

		this.relay.relayDue();

		MimeMessage message = single(receivedBy("jane@outbox.test"));
		assertThat(message.getHeader("List-Unsubscribe"))
			.containsExactly("<https://example.org/alerts/unsubscribe/s3cr3t>");
		assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(email(id).getStatus()).isEqualTo(OutboxEmail.Status.SENT);
		assertThat(email(id).getHeaders()).isEmpty();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from outbox_email where list_unsubscribe is not null or list_unsubscribe_post is not null",
				Integer.class))
			.isZero();
	}

	@Test
	void showsAndErasesTheUnsubscribeLinkOfAWaitingEmailAsPersonalData() {
		long id = queue(alertTo("Jane@outbox.test")
			.withHeaders(Map.of("List-Unsubscribe", "<https://example.org/alerts/unsubscribe/s3cr3t>")));

		List<HeldRecord> found = this.personalData.find(PersonSearch.email("jane@outbox.test"));

		assertThat(found).singleElement().satisfies((record) -> {
			assertThat(record.reference()).isEqualTo("email-" + id);
			assertThat(record.data())
				.containsEntry("kind",
						new HeldRecord.Code("alert-email", "dataprotection.value.email-kind.alert-email"))
				.containsEntry("listUnsubscribe", "<https://example.org/alerts/unsubscribe/s3cr3t>")
				.doesNotContainKey("listUnsubscribePost");
		});
		assertThat(this.personalData.erase(PersonSearch.email("jane@outbox.test"), START).erased())
			.containsExactly("email-" + id);
		assertThat(this.emails.findById(id)).isEmpty();
	}

	@Test
	void refusesAnUnknownHeaderAndQueuesNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> queue(alertTo("jane@outbox.test").withHeaders(Map.of("Bcc", "everyone@outbox.test"))));
		assertThatIllegalArgumentException().isThrownBy(() -> this.transactions.execute((status) -> this.outbox
			.queueAll(List.of(alertTo("a@outbox.test"), alertTo("b@outbox.test").withHeaders(Map.of("X-Y", "z"))))));
		assertThat(ours()).isEmpty();
	}

	@Test
	void sendsResidentEmailsQueuedAfterManyBulkOnesFirst() {
		List<OutgoingEmail> alerts = new ArrayList<>();
		for (int i = 0; i < 3 * this.properties.batchSize(); i++) {
			alerts.add(alertTo("subscriber" + i + "@outbox.test"));
		}
		this.transactions.execute((status) -> this.outbox.queueAll(alerts));
		this.clock.advance(Duration.ofMinutes(1));
		long reply = queue("jane@outbox.test", "The team has replied", "Hello");
		List<String> sentTo = new ArrayList<>();
		OutboxRelay relay = relayWith(new DelegatingMailSender(this.mailSender, (message) -> sentTo.add(to(message))));

		relay.relayDue();

		assertThat(sentTo).hasSize(alerts.size() + 1);
		assertThat(sentTo.get(0)).isEqualTo("jane@outbox.test");
		assertThat(email(reply).getStatus()).isEqualTo(OutboxEmail.Status.SENT);
	}

	@Test
	void sendsAResidentEmailQueuedDuringABulkSendInTheNextBatch() {
		int batch = this.properties.batchSize();
		List<OutgoingEmail> alerts = new ArrayList<>();
		for (int i = 0; i < 4 * batch; i++) {
			alerts.add(alertTo("subscriber" + i + "@outbox.test"));
		}
		this.transactions.execute((status) -> this.outbox.queueAll(alerts));
		List<String> sentTo = new ArrayList<>();
		OutboxRelay relay = relayWith(new DelegatingMailSender(this.mailSender, (message) -> {
			sentTo.add(to(message));
			if (sentTo.size() == 2) {
				queue("jane@outbox.test", "Confirm your alerts", "Hello");
			}
		}));

		relay.relayDue();

		assertThat(sentTo).hasSize(4 * batch + 1);
		assertThat(sentTo.indexOf("jane@outbox.test")).as("the first of the second batch").isEqualTo(batch);
	}

	@Test
	void queuesBodiesOfAnyShapeInABatchExactlyAsGiven() {
		List<String> bodies = List.of("He said \"lock it\", twice,\r\nand left.", "Above\n\\.\nbelow", "\\.",
				"C:\\temp\\ \\N \\x41 ,,, \"\"", "Diolch i chi, ŵyr a ŷd 👮", "", "Long ".repeat(30_000));
		List<OutgoingEmail> batch = bodies.stream()
			.map((body) -> new OutgoingEmail("alert-email", "jane@outbox.test", "Subject, \"quoted\"", body, Map.of(),
					EmailPriority.BULK, null, null))
			.toList();

		Integer queued = this.transactions.execute((status) -> this.outbox.queueAll(batch));

		assertThat(queued).isEqualTo(bodies.size());
		List<OutboxEmail> stored = ours().stream().sorted(Comparator.comparing(OutboxEmail::getId)).toList();
		assertThat(stored).extracting(OutboxEmail::getBody).containsExactlyElementsOf(bodies);
		assertThat(stored).allSatisfy((email) -> {
			assertThat(email.getSubject()).isEqualTo("Subject, \"quoted\"");
			assertThat(email.getReference()).isNull();
			assertThat(email.getHeaders()).isEmpty();
		});
	}

	@Test
	void queuesAllTheEmailsOfABatchWithTheirValues() {
		long messageId = aContactMessage();
		List<OutgoingEmail> batch = List.of(
				alertTo("jane@outbox.test").withHeaders(Map.of("List-Unsubscribe", "<https://example.org/u/1>",
						"List-Unsubscribe-Post", "List-Unsubscribe=One-Click")),
				OutgoingEmail.of("test-email", "john@outbox.test", "A reply", "Body two")
					.withContactMessageId(messageId),
				alertTo("ann@outbox.test").withReference("alert-18"));

		Integer queued = this.transactions.execute((status) -> this.outbox.queueAll(batch));

		assertThat(queued).isEqualTo(3);
		List<OutboxEmail> stored = ours().stream().sorted(Comparator.comparing(OutboxEmail::getId)).toList();
		assertThat(stored)
			.extracting(OutboxEmail::getKind, OutboxEmail::getToAddress, OutboxEmail::getSubject, OutboxEmail::getBody,
					OutboxEmail::getPriority, OutboxEmail::getReference, OutboxEmail::getContactMessageId)
			.containsExactly(
					tuple("alert-email", "jane@outbox.test", "An alert for Wigston", "Burglaries on Long Street",
							EmailPriority.BULK, "alert-17", null),
					tuple("test-email", "john@outbox.test", "A reply", "Body two", EmailPriority.RESIDENT, null,
							messageId),
					tuple("alert-email", "ann@outbox.test", "An alert for Wigston", "Burglaries on Long Street",
							EmailPriority.BULK, "alert-18", null));
		assertThat(stored.get(0).getHeaders()).containsExactly(
				Map.entry("List-Unsubscribe", "<https://example.org/u/1>"),
				Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
		assertThat(stored.get(1).getHeaders()).isEmpty();
		assertThat(stored).allSatisfy((email) -> {
			assertThat(email.getStatus()).isEqualTo(OutboxEmail.Status.PENDING);
			assertThat(email.getAttempts()).isZero();
			assertThat(email.getCreatedAt()).isEqualTo(START);
			assertThat(email.getNextAttemptAt()).isEqualTo(START);
			assertThat(email.getLeasedUntil()).isNull();
		});
		Integer none = this.transactions.execute((status) -> this.outbox.queueAll(List.of()));
		assertThat(none).isZero();
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.outbox.queueAll(List.of(alertTo("late@outbox.test"))));
		assertThat(ours()).hasSize(3);
	}

	/**
	 * Queues alert emails as the alert feature will: transactions of 1,000. Five by
	 * default; {@code -Dyourarea.bench.queue-transactions=100} queues 100,000, the figure
	 * in docs/benchmarks.md.
	 */
	@Test
	void queuesAlertsAThousandATransaction() {
		int transactions = Integer.getInteger("yourarea.bench.queue-transactions", 5);
		String body = "Officers are looking into burglaries on Long Street. ".repeat(30).substring(0, 1500);
		List<List<OutgoingEmail>> batches = new ArrayList<>();
		for (int t = 0; t < transactions; t++) {
			List<OutgoingEmail> batch = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				int n = t * 1000 + i;
				batch.add(OutgoingEmail
					.of("alert-email", "subscriber" + n + "@outbox.test", "An alert for Wigston", body)
					.withPriority(EmailPriority.BULK)
					.withReference("alert-17")
					.withHeaders(Map.of("List-Unsubscribe", "<https://example.org/alerts/unsubscribe/" + n + ">",
							"List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
			}
			batches.add(batch);
		}
		this.transactions.execute((status) -> this.outbox.queueAll(batches.get(0))); // warm-up
		this.jdbc.update("delete from outbox_email");

		long started = System.nanoTime();
		for (List<OutgoingEmail> batch : batches) {
			this.transactions.execute((status) -> this.outbox.queueAll(batch));
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		// A figure for docs/benchmarks.md, not an assertion: the machine is shared.
		System.out.println(
				"queueAll: " + transactions + " transactions of 1,000 alert emails (1.5 KB body) in " + millis + " ms");
		assertThat(this.outbox.countsFor("alert-17")).isEqualTo(new EmailCounts(transactions * 1000L, 0, 0));
	}

	@Test
	void countsTheEmailsOfAReferenceWaitingSentAndFailed() throws Exception {
		queue(alertTo("jane@outbox.test"));
		this.relay.relayDue();
		queue(alertTo("nobody@outbox.test"));
		try (RejectingSmtpServer server = new RejectingSmtpServer("550 5.1.1 User unknown")) {
			relayTo(server).relayDue();
		}
		this.transactions.execute((status) -> this.outbox.queueAll(List.of(alertTo("ann@outbox.test"),
				alertTo("bob@outbox.test"), alertTo("carl@outbox.test").withReference("alert-18"))));

		assertThat(this.outbox.countsFor("alert-17")).isEqualTo(new EmailCounts(2, 1, 1));
		assertThat(this.outbox.countsFor("alert-18")).isEqualTo(new EmailCounts(1, 0, 0));
		assertThat(this.outbox.countsFor("alert-19")).isEqualTo(EmailCounts.NONE);
		assertThat(this.outbox.countsFor("alert-17").total()).isEqualTo(4);
	}

	@Test
	void forgetsOnlyTheUnleasedPendingEmailsOfThatKindToThatAddress() {
		long leased = queue(alertTo("jane@outbox.test"));
		OutboxRelay.Claim claim = this.relay.claim(1);
		assertThat(claim.ids()).containsExactly(leased);
		long sent = queue(alertTo("Jane@Outbox.test"));
		this.relay.relayDue();
		assertThat(email(sent).getStatus()).isEqualTo(OutboxEmail.Status.SENT);
		long pending = queue(alertTo("JANE@outbox.test"));
		long otherKind = queue("jane@outbox.test", "Your message", "Hello");
		long otherAddress = queue(alertTo("john@outbox.test"));

		Integer forgotten = this.transactions
			.execute((status) -> this.outbox.forgetPendingTo("alert-email", "jane@OUTBOX.test"));

		assertThat(forgotten).isOne();
		assertThat(this.emails.findById(pending)).isEmpty();
		assertThat(ours()).extracting(OutboxEmail::getId)
			.containsExactlyInAnyOrder(leased, sent, otherKind, otherAddress);

		// The relay that held the first has crashed: its email goes once the lease is
		// out.
		this.clock.advance(this.properties.lease());
		Integer forgottenLater = this.transactions
			.execute((status) -> this.outbox.forgetPendingTo("alert-email", "jane@outbox.test"));
		assertThat(forgottenLater).isOne();
		assertThat(this.emails.findById(leased)).isEmpty();
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.outbox.forgetPendingTo("alert-email", "jane@outbox.test"));
	}

	@Test
	void sendsTheEmailsOfABatchOverOneConnection() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(queue(alertTo("subscriber" + i + "@outbox.test")));
		}

		try (RejectingSmtpServer server = new RejectingSmtpServer("550 5.1.1 User unknown", "nobody@outbox.test")) {
			assertThat(relayTo(server).relayDue()).isEqualTo(5);
			assertThat(server.accepted()).hasSize(5);
			assertThat(server.connections()).isOne();
		}
		assertThat(ids).allSatisfy((id) -> assertThat(email(id).getStatus()).isEqualTo(OutboxEmail.Status.SENT));
	}

	@Test
	void connectsForEachEmailWhenConnectionReuseIsOff() throws Exception {
		for (int i = 0; i < 3; i++) {
			queue(alertTo("subscriber" + i + "@outbox.test"));
		}

		try (RejectingSmtpServer server = new RejectingSmtpServer("550 5.1.1 User unknown", "nobody@outbox.test")) {
			assertThat(relayWith(senderFor(server), withoutConnectionReuse()).relayDue()).isEqualTo(3);
			assertThat(server.accepted()).hasSize(3);
			assertThat(server.connections()).isEqualTo(3);
		}
	}

	@Test
	void overOneConnectionRecordsTheEmailTheServerRefusesAsFailedAndSendsTheOthers() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(queue(alertTo("subscriber" + i + "@outbox.test")));
		}

		try (RejectingSmtpServer server = new RejectingSmtpServer("550 5.1.1 <subscriber2@outbox.test>: User unknown",
				"subscriber2@outbox.test")) {
			assertThat(relayTo(server).relayDue()).isEqualTo(4);
			assertThat(server.refusals()).isOne();
			assertThat(server.accepted()).containsExactly("subscriber0@outbox.test", "subscriber1@outbox.test",
					"subscriber3@outbox.test", "subscriber4@outbox.test");
			assertThat(server.connections()).as("a new connection after the refusal").isEqualTo(2);
		}
		assertThat(ids).extracting((id) -> email(id).getStatus())
			.containsExactly(OutboxEmail.Status.SENT, OutboxEmail.Status.SENT, OutboxEmail.Status.FAILED,
					OutboxEmail.Status.SENT, OutboxEmail.Status.SENT);
		OutboxEmail failed = email(ids.get(2));
		assertThat(failed.getAttempts()).isOne();
		assertThat(failed.getLastError()).startsWith("SMTP 550");
		assertThat(this.events.stream(EmailFailed.class))
			.containsExactly(new EmailFailed(ids.get(2), null, "alert-email", "subscriber2@outbox.test", true));
		assertThat(this.events.stream(EmailFailed.class).findFirst().orElseThrow().toString())
			.doesNotContain("subscriber2");
	}

	@Test
	void triesAnEmailOnceMoreOnANewConnectionWhenTheServerHasDroppedTheReusedOne() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(queue(alertTo("subscriber" + i + "@outbox.test")));
		}

		try (RejectingSmtpServer server = new RejectingSmtpServer("550 5.1.1 User unknown", "nobody@outbox.test")) {
			server.hangUpAfterEachEmail();
			assertThat(relayTo(server).relayDue()).isEqualTo(4);
			assertThat(server.accepted()).hasSize(4);
			assertThat(server.connections()).isEqualTo(4);
		}
		assertThat(ids).allSatisfy((id) -> {
			assertThat(email(id).getStatus()).isEqualTo(OutboxEmail.Status.SENT);
			assertThat(email(id).getAttempts()).as("the dropped connection is not the email's failure").isOne();
		});
	}

	private long queue(String to, String subject, String body) {
		return queue(to, subject, body, null);
	}

	private long queue(String to, String subject, String body, Long contactMessageId) {
		Long id = this.transactions
			.execute((status) -> this.outbox.queue("test-email", to, subject, body, contactMessageId));
		return id;
	}

	private long queue(OutgoingEmail email) {
		Long id = this.transactions.execute((status) -> this.outbox.queue(email));
		return id;
	}

	/** An alert email of alert-17, BULK. */
	private static OutgoingEmail alertTo(String to) {
		return OutgoingEmail.of("alert-email", to, "An alert for Wigston", "Burglaries on Long Street")
			.withPriority(EmailPriority.BULK)
			.withReference("alert-17");
	}

	private static String to(MimeMessage message) {
		try {
			return message.getRecipients(RecipientType.TO)[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private OutboxEmail email(long id) {
		return this.emails.findById(id).orElseThrow();
	}

	/** The emails these tests queued, to {@code @outbox.test}. */
	private List<OutboxEmail> ours() {
		return this.emails.findAll()
			.stream()
			.filter((email) -> (email.getToAddress() != null) ? email.getToAddress().endsWith("@outbox.test")
					: "outbox.test".equals(email.getToDomain()))
			.toList();
	}

	private OutboxRelay relayWith(JavaMailSender sender) {
		return new OutboxRelay(this.emails, sender, this.properties, this.clock, this.transactionManager,
				this.publisher);
	}

	private OutboxRelay relayTo(RejectingSmtpServer server) {
		return relayWith(senderFor(server));
	}

	private OutboxRelay relayWith(JavaMailSender sender, OutboxProperties properties) {
		return new OutboxRelay(this.emails, sender, properties, this.clock, this.transactionManager, this.publisher);
	}

	private OutboxProperties withoutConnectionReuse() {
		OutboxProperties p = this.properties;
		return new OutboxProperties(p.from(), p.relayEnabled(), p.relayInterval(), p.batchSize(), p.lease(),
				p.firstRetryAfter(), p.maxRetryInterval(), p.giveUpAfter(), false);
	}

	private static JavaMailSenderImpl senderFor(RejectingSmtpServer server) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(server.host());
		sender.setPort(server.port());
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
		sender.getJavaMailProperties().put("mail.smtp.writetimeout", "5000");
		return sender;
	}

	private String messageIdOf(long id) {
		return OutboxRelay.messageId(id, email(id).getCreatedAt(), "no-reply@example.org");
	}

	/** How many times each Message-ID arrived. */
	private static Map<String, Long> byMessageId(MimeMessage[] messages) {
		return Arrays.stream(messages)
			.collect(Collectors.groupingBy(OutboxRelayIT::messageId, TreeMap::new, Collectors.counting()));
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** As Spring reports a connection the server dropped in the middle of an email. */
	private static MailSendException connectionReset(MimeMessage message) {
		return new MailSendException(Map.of(message,
				new MessagingException("Exception reading response", new SocketException("Connection reset"))));
	}

	private static int occurrences(CapturedOutput output, String text) {
		return output.getAll().split(Pattern.quote(text), -1).length - 1;
	}

	/** Whether the condition holds within ten seconds. */
	private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				return false;
			}
			Thread.sleep(50);
		}
		return true;
	}

	private static MimeMessage[] receivedFor(String domain) {
		return greenMail.getReceivedMessagesForDomain(domain);
	}

	private static List<MimeMessage> receivedBy(String address) {
		List<MimeMessage> received = new ArrayList<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			try {
				Address[] to = message.getRecipients(RecipientType.TO);
				if (to != null && Arrays.stream(to).anyMatch((recipient) -> recipient.toString().equals(address))) {
					received.add(message);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return received;
	}

	private static MimeMessage single(List<MimeMessage> messages) {
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A resident's message for emails to be about, in a neighbourhood of its own. */
	private long aContactMessage() {
		String unique = HexFormat.of().withUpperCase().formatHex(randomBytes(4));
		Long area = this.jdbc.queryForObject(
				"insert into local_policing_area (code, name) values (?, 'Outbox test area') returning id", Long.class,
				"T" + unique);
		this.areas.add(area);
		Long neighbourhood = this.jdbc.queryForObject("""
				insert into neighbourhood (code, slug, name, local_policing_area_id)
				values (?, ?, 'Outbox test neighbourhood', ?) returning id""", Long.class, "outbox-" + unique,
				"outbox-" + unique.toLowerCase(), area);
		Instant received = this.clock.instant();
		return this.jdbc.queryForObject("""
				insert into contact_message (reference, neighbourhood_id, sender_name, sender_email, preferred_contact,
				    sender_type, topic, body, status, received_at, clock_started_at, due_at, due_explanation,
				    idempotency_key)
				values (?, ?, 'Jane Resident', 'jane@contact.test', 'EMAIL', 'RESIDENT', 'GENERAL_ENQUIRY', 'Hello',
				    'OPEN', ?, ?, ?, 'within 72 hours', ?)
				returning id""", Long.class, "YA-" + unique.substring(0, 4) + "-" + unique.substring(4, 8),
				neighbourhood, Timestamp.from(received), Timestamp.from(received),
				Timestamp.from(received.plus(Duration.ofHours(72))), HexFormat.of().formatHex(randomBytes(16)));
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends through another sender, doing something first: pausing, or moving the clock.
	 */
	private static final class DelegatingMailSender implements JavaMailSender {

		private final JavaMailSender delegate;

		private final Consumer<MimeMessage> beforeSending;

		DelegatingMailSender(JavaMailSender delegate, Consumer<MimeMessage> beforeSending) {
			this.delegate = delegate;
			this.beforeSending = beforeSending;
		}

		@Override
		public MimeMessage createMimeMessage() {
			return this.delegate.createMimeMessage();
		}

		@Override
		public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
			return this.delegate.createMimeMessage(contentStream);
		}

		@Override
		public void send(MimeMessage... mimeMessages) throws MailException {
			for (MimeMessage message : mimeMessages) {
				this.beforeSending.accept(message);
			}
			this.delegate.send(mimeMessages);
		}

		@Override
		public void send(MimeMessagePreparator... mimeMessagePreparators) throws MailException {
			throw new UnsupportedOperationException();
		}

		@Override
		public void send(SimpleMailMessage... simpleMessages) throws MailException {
			throw new UnsupportedOperationException();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START, ZoneId.of("Europe/London"));
		}

	}

}

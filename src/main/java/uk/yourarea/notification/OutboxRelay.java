package uk.yourarea.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.notification.OutboxDeliveryFailure.Kind;

/**
 * Sends the emails that are due, in three steps so that no database transaction stays
 * open while the SMTP server is being talked to:
 * <ol>
 * <li>in one short transaction, take a batch of due emails: lock them with
 * {@code FOR UPDATE SKIP LOCKED} and move their next attempt forward by the lease (2
 * minutes), so that no other relay, here or on another instance, takes them
 * meanwhile;</li>
 * <li>send each one, outside any transaction;</li>
 * <li>record each outcome in a transaction of its own: SENT; a failed attempt, to be
 * tried again after a backoff; or FAILED, at once when the server refuses the email for
 * good (5xx), or when it has been failing for 72 hours.</li>
 * </ol>
 * An email whose lease is more than half gone before the relay gets to it is handed back
 * unsent, so that a slow server cannot make two relays send the same email. Delivery is
 * at least once: if the instance dies between the server accepting an email and the
 * outcome being recorded, the email is sent again when the lease runs out. Its Message-ID
 * stays the same, so mail systems can tell.
 * <p>
 * Logs say which email, the recipient's domain and what happened; never the address, the
 * subject or the body, which may hold a private link.
 */
@Component
class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	/** A run stops after this many full batches and leaves the rest to the next run. */
	static final int MAX_BATCHES_PER_RUN = 10;

	private final OutboxEmailRepository emails;

	private final JavaMailSender mailSender;

	private final OutboxProperties properties;

	private final OutboxRetryPolicy retryPolicy;

	private final InternetAddress from;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	OutboxRelay(OutboxEmailRepository emails, JavaMailSender mailSender, OutboxProperties properties, Clock clock,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.emails = emails;
		this.mailSender = mailSender;
		this.properties = properties;
		this.retryPolicy = properties.retryPolicy();
		this.from = properties.fromAddress();
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		// Each step commits on its own, even if the caller has a transaction of its own.
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.events = events;
	}

	/**
	 * Sends what is due, a batch at a time, until nothing more is due, the SMTP server
	 * cannot be reached, or {@value #MAX_BATCHES_PER_RUN} batches have been sent.
	 * @return how many emails were sent
	 */
	int relayDue() {
		int sent = 0;
		for (int batches = 0; batches < MAX_BATCHES_PER_RUN; batches++) {
			List<ClaimedEmail> batch = claimDue();
			BatchResult result = send(batch);
			sent += result.sent();
			if (batch.size() < this.properties.batchSize() || result.stoppedEarly()) {
				break;
			}
		}
		return sent;
	}

	private List<ClaimedEmail> claimDue() {
		Instant now = this.clock.instant();
		// Millisecond precision survives the round trip through timestamptz, so the
		// lease can be compared with what is stored.
		Instant leaseUntil = now.plus(this.properties.lease()).truncatedTo(ChronoUnit.MILLIS);
		List<ClaimedEmail> claimed = this.transactions.execute((status) -> {
			List<ClaimedEmail> taken = new ArrayList<>();
			for (OutboxEmail email : this.emails.lockDue(now, this.properties.batchSize())) {
				taken.add(new ClaimedEmail(email.getId(), email.getToAddress(), email.getSubject(), email.getBody(),
						email.getCreatedAt(), email.getNextAttemptAt(), leaseUntil));
				email.leaseUntil(leaseUntil);
			}
			return taken;
		});
		return Objects.requireNonNull(claimed);
	}

	private BatchResult send(List<ClaimedEmail> batch) {
		int sent = 0;
		for (int i = 0; i < batch.size(); i++) {
			ClaimedEmail email = batch.get(i);
			if (leaseRunningOut(email)) {
				handBack(batch.subList(i, batch.size()), "the relay's lease is running out");
				return new BatchResult(sent, true);
			}
			Exception exception = attempt(email);
			if (exception == null || OutboxDeliveryFailure.acceptedDespite(exception)) {
				if (exception != null) {
					logger.warn("Email {} to {}: the server accepted it but closing the connection failed ({})",
							email.id(), email.recipientDomain(), exception.getClass().getSimpleName());
				}
				recordSent(email);
				sent++;
				continue;
			}
			OutboxDeliveryFailure failure = OutboxDeliveryFailure.of(exception);
			recordFailure(email, failure);
			if (failure.kind() == Kind.SERVER_UNAVAILABLE) {
				handBack(batch.subList(i + 1, batch.size()),
						"the SMTP server is unavailable (" + failure.summary() + ")");
				return new BatchResult(sent, true);
			}
		}
		return new BatchResult(sent, false);
	}

	private boolean leaseRunningOut(ClaimedEmail email) {
		Instant halfway = email.leaseUntil().minus(this.properties.lease().dividedBy(2));
		return !this.clock.instant().isBefore(halfway);
	}

	/** Hands the email to the SMTP server: nothing if it took it, or what went wrong. */
	private @Nullable Exception attempt(ClaimedEmail email) {
		try {
			this.mailSender.send(toMimeMessage(email));
			return null;
		}
		catch (MessagingException | RuntimeException ex) {
			return ex;
		}
	}

	private MimeMessage toMimeMessage(ClaimedEmail email) throws MessagingException {
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(this.from);
		// Strict parsing, one address only: a list or a malformed address is refused, not
		// guessed at.
		helper.setTo(new InternetAddress(email.to(), true));
		helper.setSubject(email.subject());
		helper.setText(email.body(), false);
		helper.setSentDate(Date.from(this.clock.instant()));
		// RFC 3834: no out-of-office replies to a no-reply address.
		message.setHeader("Auto-Submitted", "auto-generated");
		// The same on every attempt, so that a repeat after a lost acknowledgement can be
		// recognised.
		message.setHeader("Message-ID", "<outbox-" + email.id() + "." + email.createdAt().toEpochMilli() + "@"
				+ domainOf(this.from.getAddress()) + ">");
		return message;
	}

	private void recordSent(ClaimedEmail email) {
		this.transactions.executeWithoutResult((status) -> {
			Optional<OutboxEmail> row = this.emails.lockById(email.id());
			if (row.isEmpty() || !row.get().isPending()) {
				logger.warn("Email {} to {} was sent, but it was {} already", email.id(), email.recipientDomain(),
						row.map((e) -> e.getStatus().name()).orElse("deleted"));
				return;
			}
			row.get().markSent(this.clock.instant());
			logger.info("Email {} to {} sent on attempt {}", email.id(), email.recipientDomain(),
					row.get().getAttempts());
		});
	}

	private void recordFailure(ClaimedEmail email, OutboxDeliveryFailure failure) {
		this.transactions.executeWithoutResult((status) -> {
			Optional<OutboxEmail> found = this.emails.lockById(email.id());
			if (found.isEmpty() || !isStillLeased(found.get(), email)) {
				logger.warn("Email {} to {} not sent ({}); another relay has taken it over", email.id(),
						email.recipientDomain(), failure.summary());
				return;
			}
			OutboxEmail row = found.get();
			Instant now = this.clock.instant();
			if (failure.kind() == Kind.PERMANENT) {
				row.markFailed(failure.detail());
				logger.warn("Email {} to {} FAILED on attempt {}: refused by the server ({})", email.id(),
						email.recipientDomain(), row.getAttempts(), failure.summary());
				this.events.publishEvent(new EmailFailed(email.id(), row.getContactMessageId()));
				return;
			}
			Optional<Instant> next = this.retryPolicy.nextAttempt(row.getCreatedAt(), row.getAttempts() + 1, now);
			if (next.isEmpty()) {
				row.markFailed("Gave up " + this.properties.giveUpAfter().toHours() + " hours after it was queued. "
						+ failure.detail());
				logger.warn("Email {} to {} FAILED on attempt {}: still failing {} hours after it was queued ({})",
						email.id(), email.recipientDomain(), row.getAttempts(), this.properties.giveUpAfter().toHours(),
						failure.summary());
				this.events.publishEvent(new EmailFailed(email.id(), row.getContactMessageId()));
				return;
			}
			row.markAttemptFailed(failure.detail(), now, Duration.between(now, next.get()));
			logger.warn("Email {} to {} not sent on attempt {} ({}); next attempt at {}", email.id(),
					email.recipientDomain(), row.getAttempts(), failure.summary(), row.getNextAttemptAt());
		});
	}

	/**
	 * Makes emails this relay took but did not try due again when they were due before.
	 */
	private void handBack(List<ClaimedEmail> untried, String why) {
		if (untried.isEmpty()) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			for (ClaimedEmail email : untried) {
				this.emails.lockById(email.id())
					.filter((row) -> isStillLeased(row, email))
					.ifPresent((row) -> row.releaseLease(email.dueAt()));
			}
		});
		logger.info("{} email(s) handed back untried: {}", untried.size(), why);
	}

	private static boolean isStillLeased(OutboxEmail row, ClaimedEmail email) {
		return row.isPending() && row.getNextAttemptAt().equals(email.leaseUntil());
	}

	static String domainOf(String address) {
		int at = address.lastIndexOf('@');
		if (at < 0 || at == address.length() - 1) {
			return "unknown";
		}
		return address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * What a relay needs to send an email it has taken, read before the transaction ends.
	 */
	private record ClaimedEmail(long id, String to, String subject, String body, Instant createdAt, Instant dueAt,
			Instant leaseUntil) {

		String recipientDomain() {
			return "@" + domainOf(this.to);
		}

		/** Never the address, subject or body, should this ever end up in a log. */
		@Override
		public String toString() {
			return "ClaimedEmail[id=" + this.id + "]";
		}

	}

	private record BatchResult(int sent, boolean stoppedEarly) {
	}

}

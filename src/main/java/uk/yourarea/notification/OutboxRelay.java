package uk.yourarea.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
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
 * <li>in one short transaction, take a batch of due emails, RESIDENT before BULK: lock
 * them with {@code FOR UPDATE SKIP LOCKED} and lease them (30 seconds by default) under a
 * token of this batch, so that no other relay, here or on another instance, takes them
 * meanwhile;</li>
 * <li>send each one, outside any transaction, over one SMTP connection for the batch
 * ({@link SmtpConnection}), while a heartbeat extends the lease of the emails still in
 * hand every third of the lease: a working relay never loses its claim, and the emails of
 * a relay that crashed are taken by another once the lease runs out;</li>
 * <li>record each outcome in a small transaction of its own, as soon as it is known:
 * SENT; a failed attempt, to be tried again after a backoff; or FAILED, at once when the
 * server refuses the email for good (5xx), or when it has been failing for 72 hours.</li>
 * </ol>
 * An SMTP server that cannot be reached (or refuses us, not the email) is an outage of
 * the relay, not a fault of the email: the relay hands the email and the rest of the
 * batch back untried, their attempts and due times untouched, logs the outage once, and
 * from then on tries one email each run. As soon as the server takes one, the outage is
 * over: it brings forward the emails whose retries failures since the server last worked
 * had pushed back, and sends everything waiting.
 * <p>
 * Delivery is at least once: if the instance dies between the server accepting an email
 * and the outcome being recorded (a few milliseconds), the email is sent again when the
 * lease runs out. Its Message-ID stays the same, so mail systems can tell. See
 * docs/reliability.md.
 * <p>
 * Logs say which email, the recipient's domain and what happened; never the address, the
 * subject or the body, which may hold a private link.
 */
@Component
class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	/** How often, at most, the heartbeat looks at the lease of the batch in hand. */
	static final Duration HEARTBEAT_TICK = Duration.ofSeconds(1);

	private final OutboxEmailRepository emails;

	private final JavaMailSender mailSender;

	private final OutboxProperties properties;

	private final OutboxRetryPolicy retryPolicy;

	private final InternetAddress from;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	/** The heartbeat extends a lease once no more than this is left of it. */
	private final Duration extendWhenLeft;

	private volatile boolean stopping;

	// The state of runs, which go one at a time (relayDue is synchronized)

	/** Since when the SMTP server cannot be used, as far as this relay knows. */
	private @Nullable Outage outage;

	/** When the SMTP server last took an email, or refused it for a reason of its own. */
	private Instant lastWorked;

	private final Object heartbeatsLock = new Object();

	private @Nullable ScheduledExecutorService heartbeats;

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
		this.extendWhenLeft = properties.lease().multipliedBy(2).dividedBy(3);
		this.lastWorked = clock.instant();
	}

	/**
	 * Sends what is due, a batch at a time, until nothing more is due, the SMTP server
	 * cannot be reached, or the instance is stopping. Each batch is claimed afresh, in
	 * order, so a RESIDENT email queued during a large BULK send goes in the next batch.
	 * While the server is known to be out, the first batch is a single email, to see
	 * whether it is back.
	 * @return how many emails were sent
	 */
	synchronized int relayDue() {
		int sent = 0;
		while (!this.stopping) {
			int limit = (this.outage != null) ? 1 : this.properties.batchSize();
			Claim claim = claim(limit);
			if (claim.emails().isEmpty()) {
				break;
			}
			BatchResult result = send(claim);
			sent += result.sent();
			if (claim.emails().size() < limit || result.stoppedEarly()) {
				break;
			}
		}
		return sent;
	}

	/**
	 * When the instance is told to stop, the batch being sent is finished and no other is
	 * taken: what is left waits for the relays of the other instances, or for this one's
	 * next start, rather than holding the shutdown back.
	 */
	@EventListener(ContextClosedEvent.class)
	void stopTakingBatches() {
		this.stopping = true;
	}

	/**
	 * Takes up to {@code limit} due emails under a new lease. Package-private so that a
	 * test can take emails and never finish, as a relay that crashed would.
	 */
	Claim claim(int limit) {
		Instant now = this.clock.instant();
		Instant until = now.plus(this.properties.lease());
		UUID token = UUID.randomUUID();
		List<ClaimedEmail> claimed = this.transactions.execute((status) -> {
			List<ClaimedEmail> taken = new ArrayList<>();
			for (OutboxEmail email : this.emails.lockDue(now, limit)) {
				email.lease(token, until);
				// a pending email is whole (a constraint in the table says so)
				taken.add(new ClaimedEmail(email.getId(), Objects.requireNonNull(email.getToAddress()),
						Objects.requireNonNull(email.getSubject()), Objects.requireNonNull(email.getBody()),
						email.getHeaders(), email.getPriority(), email.getAttempts(), email.getCreatedAt()));
			}
			return taken;
		});
		return new Claim(token, Objects.requireNonNull(claimed), until);
	}

	private BatchResult send(Claim claim) {
		@Nullable ScheduledFuture<?> heartbeat = startHeartbeat(claim);
		SmtpConnection connection = SmtpConnection.forBatch(this.mailSender, this.properties.reuseConnection());
		try {
			int sent = 0;
			List<ClaimedEmail> batch = claim.emails();
			for (int i = 0; i < batch.size(); i++) {
				ClaimedEmail email = batch.get(i);
				// Never start on an email with less than two thirds of the lease left.
				extendIfDue(claim);
				if (!claim.holds(email.id())) {
					continue;
				}
				Exception exception = attempt(connection, email);
				if (exception == null || OutboxDeliveryFailure.acceptedDespite(exception)) {
					if (exception != null) {
						logger.warn("Email {} to {}: the server accepted it but closing the connection failed ({})",
								email.id(), email.recipientDomain(), exception.getClass().getSimpleName());
					}
					// Recorded at once, in a transaction of its own: the shorter the time
					// between the server taking it and this, the smaller the chance of a
					// crash making it go twice.
					recordSent(claim, email);
					serverWorked(true);
					sent++;
					continue;
				}
				OutboxDeliveryFailure failure = OutboxDeliveryFailure.of(exception);
				if (failure.kind() == Kind.SERVER_UNAVAILABLE) {
					serverUnavailable(failure);
					handBack(claim, batch.subList(i, batch.size()));
					return new BatchResult(sent, true);
				}
				// The outage (if any) ends first, so that this email's own retry is not
				// brought forward with those the outage pushed back.
				serverWorked(failure.kind() == Kind.PERMANENT);
				recordFailure(claim, email, failure);
			}
			return new BatchResult(sent, false);
		}
		finally {
			connection.close();
			if (heartbeat != null) {
				heartbeat.cancel(false);
			}
			claim.close();
		}
	}

	/** Hands the email to the SMTP server: nothing if it took it, or what went wrong. */
	private @Nullable Exception attempt(SmtpConnection connection, ClaimedEmail email) {
		try {
			connection.send(toMimeMessage(email));
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
		message.setHeader("Message-ID", messageId(email.id(), email.createdAt(), this.from.getAddress()));
		// Only List-Unsubscribe and List-Unsubscribe-Post, checked as they were queued
		for (Map.Entry<String, String> header : email.headers().entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		return message;
	}

	/**
	 * The Message-ID of an email: made of the outbox row alone (its id and the
	 * millisecond it was queued, which the database keeps), so the same on every attempt,
	 * and a repeat after a lost acknowledgement can be recognised.
	 */
	static String messageId(long id, Instant createdAt, String fromAddress) {
		return "<outbox-" + id + "." + createdAt.toEpochMilli() + "@" + OutboxEmail.domainOf(fromAddress) + ">";
	}

	private void recordSent(Claim claim, ClaimedEmail email) {
		// On the claim, so that the heartbeat sees the email either held or done.
		synchronized (claim) {
			recordSent(email);
			claim.done(email.id());
		}
	}

	private void recordSent(ClaimedEmail email) {
		this.transactions.executeWithoutResult((status) -> {
			if (email.priority() == EmailPriority.BULK) {
				// A BULK email's outcome does not wait for the disk: should the database
				// server crash in that moment, the email goes again, as after a crash of
				// the relay, and the alert's thousands of commits do not each wait for
				// one.
				this.emails.commitWithoutWaitingForTheDisk();
			}
			int recorded = this.emails.markSent(email.id(), this.clock.instant(), OutboxEmail.domainOf(email.to()));
			if (recorded == 0) {
				logger.warn("Email {} to {} was sent, but it was {} already", email.id(), email.recipientDomain(),
						this.emails.findById(email.id()).map((e) -> e.getStatus().name()).orElse("deleted"));
				return;
			}
			logger.info("Email {} to {} sent on attempt {}", email.id(), email.recipientDomain(),
					email.attemptsBefore() + 1);
		});
	}

	private void recordFailure(Claim claim, ClaimedEmail email, OutboxDeliveryFailure failure) {
		synchronized (claim) {
			recordFailure(claim.token(), email, failure);
			claim.done(email.id());
		}
	}

	private void recordFailure(UUID token, ClaimedEmail email, OutboxDeliveryFailure failure) {
		this.transactions.executeWithoutResult((status) -> {
			Optional<OutboxEmail> found = this.emails.lockById(email.id());
			if (found.isEmpty() || !found.get().isLeasedBy(token)) {
				logger.warn("Email {} to {} not sent ({}); another relay has taken it over", email.id(),
						email.recipientDomain(), failure.summary());
				return;
			}
			OutboxEmail row = found.get();
			Instant now = this.clock.instant();
			if (failure.kind() == Kind.PERMANENT) {
				row.markFailed(failure.detail(), now);
				logger.warn("Email {} to {} FAILED on attempt {}: refused by the server ({})", email.id(),
						email.recipientDomain(), row.getAttempts(), failure.summary());
				this.events.publishEvent(
						new EmailFailed(email.id(), row.getContactMessageId(), row.getKind(), email.to(), true));
				return;
			}
			Optional<Instant> next = this.retryPolicy.nextAttempt(row.getCreatedAt(), row.getAttempts() + 1, now);
			if (next.isEmpty()) {
				row.markFailed("Gave up " + this.properties.giveUpAfter().toHours() + " hours after it was queued. "
						+ failure.detail(), now);
				logger.warn("Email {} to {} FAILED on attempt {}: still failing {} hours after it was queued ({})",
						email.id(), email.recipientDomain(), row.getAttempts(), this.properties.giveUpAfter().toHours(),
						failure.summary());
				this.events.publishEvent(
						new EmailFailed(email.id(), row.getContactMessageId(), row.getKind(), email.to(), false));
				return;
			}
			row.markAttemptFailed(failure.detail(), now, Duration.between(now, next.get()));
			logger.warn("Email {} to {} not sent on attempt {} ({}); next attempt at {}", email.id(),
					email.recipientDomain(), row.getAttempts(), failure.summary(), row.getNextAttemptAt());
		});
	}

	/**
	 * Gives up the lease of emails this relay took but did not try: they are due as they
	 * were before.
	 */
	private void handBack(Claim claim, List<ClaimedEmail> untried) {
		synchronized (claim) {
			this.transactions.executeWithoutResult((status) -> {
				for (ClaimedEmail email : untried) {
					this.emails.lockById(email.id())
						.filter((row) -> row.isLeasedBy(claim.token()))
						.ifPresent(OutboxEmail::releaseLease);
				}
			});
			untried.forEach((email) -> claim.done(email.id()));
		}
		logger.debug("{} email(s) handed back untried", untried.size());
	}

	// The SMTP server

	private void serverUnavailable(OutboxDeliveryFailure failure) {
		if (this.outage != null) {
			logger.debug("The SMTP server still cannot be used ({})", failure.summary());
			return;
		}
		this.outage = new Outage(this.clock.instant(), this.lastWorked);
		logger.warn(
				"The SMTP server cannot be used ({}). The {} email(s) waiting stay in the outbox, "
						+ "neither counted as attempts nor put back, and the relay tries again every {} s",
				failure.summary(), this.emails.countByStatus(OutboxEmail.Status.PENDING),
				this.properties.relayInterval().toSeconds());
	}

	/**
	 * The SMTP server has been reached: if it was out, sends what waits now, the emails
	 * whose retries were pushed back since it last worked included.
	 * @param worked whether it took the email or refused it for a reason of the email's
	 * own, rather than failing in a way that might have come from the outage
	 */
	private void serverWorked(boolean worked) {
		Instant now = this.clock.instant();
		if (worked) {
			this.lastWorked = now;
		}
		Outage ended = this.outage;
		if (ended == null) {
			return;
		}
		this.outage = null;
		Integer broughtForward = this.transactions
			.execute((status) -> this.emails.bringForward(ended.lastWorkedBefore(), now));
		logger.info(
				"The SMTP server can be used again, after {} s; sending the {} email(s) waiting ({} of them "
						+ "brought forward from a later retry)",
				Duration.between(ended.since(), now).toSeconds(), this.emails.countByStatus(OutboxEmail.Status.PENDING),
				broughtForward);
	}

	// The lease

	/**
	 * Extends the lease of the emails of the batch still in hand, once no more than two
	 * thirds of it is left, and forgets any another relay has taken over meanwhile (which
	 * only happens if extending failed for longer than the lease).
	 */
	private void extendIfDue(Claim claim) {
		synchronized (claim) {
			Instant now = this.clock.instant();
			if (claim.isClosed() || Duration.between(now, claim.heldUntil()).compareTo(this.extendWhenLeft) > 0) {
				return;
			}
			Instant until = now.plus(this.properties.lease());
			List<Long> stillHeld = this.transactions.execute((status) -> {
				List<Long> ids = new ArrayList<>();
				for (OutboxEmail email : this.emails.lockByLeaseToken(claim.token())) {
					email.lease(claim.token(), until);
					ids.add(email.getId());
				}
				return ids;
			});
			int lost = claim.extended(Objects.requireNonNull(stillHeld), until);
			if (lost > 0) {
				logger.warn("{} email(s) this relay had taken were taken over by another relay after its lease ran out",
						lost);
			}
		}
	}

	/**
	 * Extends the lease in the background while the relay is busy with one email (a slow
	 * server may take longer than the lease); null once the application is stopping.
	 */
	private @Nullable ScheduledFuture<?> startHeartbeat(Claim claim) {
		long every = Math.max(10, Math.min(HEARTBEAT_TICK.toMillis(), this.properties.lease().toMillis() / 10));
		try {
			return heartbeats().scheduleWithFixedDelay(() -> {
				try {
					extendIfDue(claim);
				}
				catch (RuntimeException ex) {
					logger.warn("Could not extend the lease of the emails in hand ({})", ex.getClass().getSimpleName());
				}
			}, every, every, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			return null;
		}
	}

	private ScheduledExecutorService heartbeats() {
		synchronized (this.heartbeatsLock) {
			if (this.heartbeats == null) {
				this.heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
					Thread thread = new Thread(task, "outbox-relay-heartbeat");
					thread.setDaemon(true);
					return thread;
				});
			}
			return this.heartbeats;
		}
	}

	/**
	 * Stops extending leases: emails in hand when the application stops are taken by
	 * another relay once their lease runs out.
	 */
	@PreDestroy
	void stopHeartbeats() {
		synchronized (this.heartbeatsLock) {
			if (this.heartbeats != null) {
				this.heartbeats.shutdownNow();
			}
		}
	}

	/**
	 * Emails a relay has taken under one lease token, and which of them it still holds:
	 * those it has neither finished with nor lost to another relay.
	 */
	static final class Claim {

		private final UUID token;

		private final List<ClaimedEmail> emails;

		private final Set<Long> held = ConcurrentHashMap.newKeySet();

		private volatile Instant heldUntil;

		private volatile boolean closed;

		Claim(UUID token, List<ClaimedEmail> emails, Instant heldUntil) {
			this.token = token;
			this.emails = List.copyOf(emails);
			this.heldUntil = heldUntil;
			emails.forEach((email) -> this.held.add(email.id()));
		}

		UUID token() {
			return this.token;
		}

		List<ClaimedEmail> emails() {
			return this.emails;
		}

		List<Long> ids() {
			return this.emails.stream().map(ClaimedEmail::id).toList();
		}

		boolean holds(long id) {
			return this.held.contains(id);
		}

		Instant heldUntil() {
			return this.heldUntil;
		}

		/** The email is recorded or handed back. */
		void done(long id) {
			this.held.remove(id);
		}

		/**
		 * The lease is extended to {@code until} for the given emails.
		 * @return how many emails it held that it no longer does
		 */
		int extended(List<Long> stillHeld, Instant until) {
			List<Long> lost = this.held.stream().filter((id) -> !stillHeld.contains(id)).toList();
			lost.forEach(this.held::remove);
			this.heldUntil = until;
			return lost.size();
		}

		boolean isClosed() {
			return this.closed;
		}

		void close() {
			synchronized (this) {
				this.closed = true;
			}
		}

	}

	/**
	 * What a relay needs to send an email it has taken, read before the transaction ends.
	 */
	record ClaimedEmail(long id, String to, String subject, String body, Map<String, String> headers,
			EmailPriority priority, int attemptsBefore, Instant createdAt) {

		String recipientDomain() {
			return "@" + OutboxEmail.domainOf(this.to);
		}

		/** Never the address, subject or body, should this ever end up in a log. */
		@Override
		public String toString() {
			return "ClaimedEmail[id=" + this.id + "]";
		}

	}

	/**
	 * @param since when this relay found the server could not be used
	 * @param lastWorkedBefore when the server last worked before that
	 */
	private record Outage(Instant since, Instant lastWorkedBefore) {
	}

	private record BatchResult(int sent, boolean stoppedEarly) {
	}

}

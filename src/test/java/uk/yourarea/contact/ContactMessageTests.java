package uk.yourarea.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The response clock's rules, on the entity, with fixed times. */
class ContactMessageTests {

	private static final Instant RECEIVED = Instant.parse("2026-11-20T16:30:00Z");

	private final ResponseDeadline deadline = new ResponseDeadline(
			new ResponsePolicy(ResponsePolicy.Kind.CALENDAR_HOURS, 72, 3), new BankHolidays(),
			Clock.fixed(RECEIVED, ZoneId.of("Europe/London")));

	private final ContactMessage message = new ContactMessage("YA-7K3M-Q9P2", 1L,
			new ContactMessage.Sender("Sam Resident", "sam@example.org", null, PreferredContact.EMAIL,
					SenderType.RESIDENT),
			Topic.SPEEDING_AND_ROADS, "Cars race down Long Street at night.", "Long Street", RECEIVED,
			this.deadline.from(RECEIVED), "0123456789abcdef0123456789abcdef");

	@Test
	void isDueSeventyTwoHoursAfterItArrives() {
		assertThat(this.message.getDueAt()).isEqualTo(RECEIVED.plus(Duration.ofHours(72)));
		assertThat(this.message.getStatus()).isEqualTo(MessageStatus.OPEN);
		assertThat(this.message.getConversation()).extracting(MessageEntry::getKind)
			.containsExactly(EntryKind.RECEIVED);
	}

	@Test
	void aHoldingReplyDoesNotStopTheClock() {
		this.message.reply(7, "We are looking into this.", false, RECEIVED.plus(Duration.ofHours(10)));

		assertThat(this.message.getStatus()).isEqualTo(MessageStatus.OPEN);
		assertThat(this.message.getAnsweredAt()).isNull();
		// The response record counts first full replies only (ResponseRecords, migration
		// V10).
		assertThat(this.message.getFirstAnsweredAt()).isNull();
		assertThat(this.message.isOverdue(RECEIVED.plus(Duration.ofHours(73)))).isTrue();
	}

	@Test
	void aFullReplyStopsTheClock() {
		Instant replied = RECEIVED.plus(Duration.ofHours(30));
		this.message.reply(7, "We will run speed checks on Long Street.", true, replied);

		assertThat(this.message.getStatus()).isEqualTo(MessageStatus.ANSWERED);
		assertThat(this.message.getFirstAnsweredAt()).isEqualTo(replied);
		assertThat(this.message.isOverdue(RECEIVED.plus(Duration.ofHours(100)))).isFalse();
	}

	@Test
	void aReplyAtTheLastMinuteIsInTime() {
		Instant due = this.message.getDueAt();
		assertThat(this.message.isOverdue(due)).as("at the deadline itself").isFalse();
		assertThat(this.message.isOverdue(due.plusSeconds(1))).isTrue();

		this.message.reply(7, "Answered just in time.", true, due);

		assertThat(this.message.getAnsweredAt()).isEqualTo(due);
		assertThat(this.message.isOverdue(due.plusSeconds(1))).isFalse();
	}

	@Test
	void theResidentsFollowUpStartsANewClock() {
		this.message.reply(7, "Speed checks next week.", true, RECEIVED.plus(Duration.ofHours(5)));
		Instant followUp = RECEIVED.plus(Duration.ofDays(4));

		this.message.residentReplied("They did not come.", followUp, this.deadline.from(followUp));

		assertThat(this.message.getStatus()).isEqualTo(MessageStatus.OPEN);
		assertThat(this.message.getClockStartedAt()).isEqualTo(followUp);
		assertThat(this.message.getDueAt()).isEqualTo(followUp.plus(Duration.ofHours(72)));
		assertThat(this.message.getFirstAnsweredAt()).as("the first answer is history")
			.isEqualTo(RECEIVED.plus(Duration.ofHours(5)));
	}

	@Test
	void noThisDidNotAnswerMyQuestionReopensWithANewClock() {
		this.message.reply(7, "Speed checks next week.", true, RECEIVED.plus(Duration.ofHours(5)));
		Instant answered = RECEIVED.plus(Duration.ofHours(8));

		this.message.residentAnswered(false, answered, this.deadline.from(answered));

		assertThat(this.message.getStatus()).isEqualTo(MessageStatus.OPEN);
		assertThat(this.message.getDueAt()).isEqualTo(answered.plus(Duration.ofHours(72)));
		assertThat(this.message.getConversation()).extracting(MessageEntry::getKind)
			.containsExactly(EntryKind.RECEIVED, EntryKind.FULL_REPLY, EntryKind.RESIDENT_NOT_SATISFIED);
	}

	@Test
	void yesKeepsItAnswered() {
		this.message.reply(7, "Done.", true, RECEIVED.plus(Duration.ofHours(5)));
		this.message.residentAnswered(true, RECEIVED.plus(Duration.ofHours(6)), this.deadline.from(RECEIVED));

		assertThat(this.message.getStatus()).isEqualTo(MessageStatus.ANSWERED);
	}

	@Test
	void escalatesOnlyOnceAndOnlyWhenOverdue() {
		assertThatIllegalStateException().isThrownBy(() -> this.message.escalate(RECEIVED.plus(Duration.ofHours(1))));
		Instant late = RECEIVED.plus(Duration.ofHours(73));

		this.message.escalate(late);

		assertThat(this.message.getEscalatedAt()).isEqualTo(late);
		assertThatIllegalStateException().isThrownBy(() -> this.message.escalate(late.plusSeconds(60)));
	}

	@Test
	void notesAndViewsAreHistoryNotConversation() {
		this.message.viewedBy(7, RECEIVED.plusSeconds(60));
		this.message.note(7, "Known hotspot.", RECEIVED.plusSeconds(120));

		assertThat(this.message.getEntries()).hasSize(3);
		assertThat(this.message.getConversation()).hasSize(1);
	}

	@Test
	void aClosedMessageTakesNoMoreReplies() {
		this.message.close(7, "Resolved with speed checks", RECEIVED.plus(Duration.ofHours(2)));

		assertThatIllegalStateException()
			.isThrownBy(() -> this.message.reply(7, "More", true, RECEIVED.plus(Duration.ofHours(3))));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.message.residentReplied("Hello?", RECEIVED, this.deadline.from(RECEIVED)));
	}

}

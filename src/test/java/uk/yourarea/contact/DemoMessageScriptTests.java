package uk.yourarea.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo messages are consistent whatever moment the demo starts and whichever response
 * policy is set: nothing has happened in the future, nothing is overdue without having
 * been escalated, and the states the demo is for are there.
 */
class DemoMessageScriptTests {

	private static final ZoneId UK = ZoneId.of("Europe/London");

	private static final DemoMessageScript.Staff OFFICER = new DemoMessageScript.Staff(1, "PC Test");

	private static final DemoMessageScript.Staff SERGEANT = new DemoMessageScript.Staff(2, "Sergeant Test");

	private static final long WIGSTON = 54;

	private static final long OADBY = 55;

	private static final Map<String, Long> NEIGHBOURHOODS = Map.of("NA54", WIGSTON, "NA55", OADBY, "NA53", 53L, "NA42",
			42L, "NA40", 40L, "NL62", 62L, "NR35", 35L, "NC04", 4L);

	enum State {

		NEW, DUE_WITHIN_24_HOURS, OVERDUE_AND_ESCALATED, ANSWERED_AWAITING_FEEDBACK, REOPENED_AFTER_NO, CLOSED

	}

	static Stream<Arguments> moments() {
		return Stream
			.of("2026-12-08T10:00:00Z", "2026-12-12T09:30:00Z", "2026-12-28T12:00:00Z", "2026-03-29T01:30:00Z",
					"2027-01-01T00:05:00Z", "2026-07-15T23:59:00Z")
			.flatMap((moment) -> Stream.of(ResponsePolicy.Kind.values())
				.map((policy) -> Arguments.of(Instant.parse(moment), policy)));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("moments")
	void everythingHappenedBeforeNowAndNothingOverdueIsLeftForTheJob(Instant now, ResponsePolicy.Kind policy) {
		List<ContactMessage> messages = write(now, policy);

		assertThat(messages).hasSizeGreaterThan(30);
		assertThat(messages).extracting(ContactMessage::getReference).doesNotHaveDuplicates();
		assertThat(messages).extracting(ContactMessage::getIdempotencyKey)
			.allSatisfy((key) -> assertThat(key).startsWith(DemoMessageScript.KEY_PREFIX).hasSizeBetween(16, 64));
		for (ContactMessage message : messages) {
			String who = message.getSenderName();
			assertThat(message.getEntries()).as(who)
				.allSatisfy((entry) -> assertThat(entry.getAt()).isBeforeOrEqualTo(now));
			assertThat(message.getEntries().get(0).getKind()).as(who).isEqualTo(EntryKind.RECEIVED);
			assertThat(message.getDueAt()).as(who).isAfter(message.getClockStartedAt());
			assertThat(message.isOverdue(now) && message.getEscalatedAt() == null).as(who + " overdue, not escalated")
				.isFalse();
			Optional<Instant> firstFullReply = message.getEntries()
				.stream()
				.filter((entry) -> entry.getKind() == EntryKind.FULL_REPLY)
				.map(MessageEntry::getAt)
				.findFirst();
			assertThat(Optional.ofNullable(message.getFirstAnsweredAt())).as(who).isEqualTo(firstFullReply);
			if (message.getEscalatedAt() != null) {
				assertThat(message.getEscalatedAt()).as(who).isAfter(message.getDueAt());
			}
			assertThat(message.getBody().length()).as(who).isBetween(1, 5000);
			assertThat(message.getSenderEmail()).as(who).matches(".+@example\\.(org|com)");
		}
		Set<State> states = states(messages, now);
		assertThat(states).as("states with %s at %s", policy, now)
			.contains(State.NEW, State.OVERDUE_AND_ESCALATED, State.ANSWERED_AWAITING_FEEDBACK, State.REOPENED_AFTER_NO,
					State.CLOSED);
		if (policy == ResponsePolicy.Kind.CALENDAR_HOURS) {
			assertThat(states).containsAll(EnumSet.allOf(State.class));
		}
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("moments")
	void wigstonAndOadbyEachHaveEveryStateAndEnoughMessagesForAFairFigure(Instant now, ResponsePolicy.Kind policy) {
		List<ContactMessage> messages = write(now, policy);

		for (long neighbourhood : List.of(WIGSTON, OADBY)) {
			List<ContactMessage> theirs = messages.stream()
				.filter((message) -> message.getNeighbourhoodId() == neighbourhood)
				.toList();
			long lastNinetyDays = theirs.stream()
				.filter((message) -> message.getReceivedAt().isAfter(now.minus(ResponseRecords.PERIOD)))
				.count();
			assertThat(lastNinetyDays).as("messages of %s in the last 90 days", neighbourhood)
				.isGreaterThanOrEqualTo(ResponseRecord.FEWEST_FOR_A_FAIR_FIGURE);
			Set<State> states = states(theirs, now);
			assertThat(states).as("states of %s", neighbourhood)
				.contains(State.NEW, State.OVERDUE_AND_ESCALATED, State.ANSWERED_AWAITING_FEEDBACK,
						State.REOPENED_AFTER_NO, State.CLOSED);
			if (policy == ResponsePolicy.Kind.CALENDAR_HOURS) {
				assertThat(states).as("states of %s", neighbourhood).contains(State.DUE_WITHIN_24_HOURS);
			}
		}
	}

	private static List<ContactMessage> write(Instant now, ResponsePolicy.Kind policy) {
		ResponseDeadline deadline = new ResponseDeadline(new ResponsePolicy(policy, 72, 3), new BankHolidays(),
				Clock.fixed(now, UK));
		return DemoMessageScript.write(now, deadline, (code) -> Optional.ofNullable(NEIGHBOURHOODS.get(code))
			.map((id) -> new DemoMessageScript.Team(id, OFFICER, SERGEANT)));
	}

	static Set<State> states(List<ContactMessage> messages, Instant now) {
		return messages.stream()
			.flatMap((message) -> stateOf(message, now).stream())
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(State.class)));
	}

	private static Set<State> stateOf(ContactMessage message, Instant now) {
		Set<State> states = EnumSet.noneOf(State.class);
		List<EntryKind> kinds = message.getEntries().stream().map(MessageEntry::getKind).toList();
		switch (message.getStatus()) {
			case OPEN -> {
				if (message.getFirstAnsweredAt() == null
						&& message.getReceivedAt().isAfter(now.minus(Duration.ofHours(24)))) {
					states.add(State.NEW);
				}
				if (message.getDueAt().isAfter(now) && message.getDueAt().isBefore(now.plus(Duration.ofHours(24)))) {
					states.add(State.DUE_WITHIN_24_HOURS);
				}
				if (message.isOverdue(now) && message.getEscalatedAt() != null && kinds.contains(EntryKind.ESCALATED)) {
					states.add(State.OVERDUE_AND_ESCALATED);
				}
				if (kinds.contains(EntryKind.RESIDENT_NOT_SATISFIED)) {
					states.add(State.REOPENED_AFTER_NO);
				}
			}
			case ANSWERED -> {
				if (message.getConversation()
					.get(message.getConversation().size() - 1)
					.getKind() == EntryKind.FULL_REPLY) {
					states.add(State.ANSWERED_AWAITING_FEEDBACK);
				}
			}
			case CLOSED -> states.add(State.CLOSED);
			default -> {
			}
		}
		return states;
	}

}

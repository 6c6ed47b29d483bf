package uk.yourarea.consultation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConsultationTests {

	static final Instant OPENS = Instant.parse("2026-12-01T00:00:00Z");

	static final Instant CLOSES = Instant.parse("2026-12-29T00:00:00Z");

	@Test
	void isScheduledThenOpenFromItsOpeningInstantUntilItsClosingInstant() {
		Consultation consultation = consultation();

		assertThat(consultation.stateAt(OPENS.minusMillis(1))).isEqualTo(Consultation.State.SCHEDULED);
		assertThat(consultation.stateAt(OPENS)).isEqualTo(Consultation.State.OPEN);
		assertThat(consultation.stateAt(CLOSES.minusMillis(1))).isEqualTo(Consultation.State.OPEN);
		assertThat(consultation.stateAt(CLOSES)).isEqualTo(Consultation.State.CLOSED);
	}

	@Test
	void mustCloseAfterItOpensAndOfferIssues() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Consultation(1, "Q?", List.of("A", "B"), OPENS, OPENS, OPENS));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Consultation(1, "Q?", List.of(), OPENS, CLOSES, OPENS));
	}

	@Test
	void closesEarlyOnlyWhileOpen() {
		Consultation consultation = consultation();
		assertThatIllegalStateException().isThrownBy(() -> consultation.closeEarly(OPENS.minusSeconds(60)));

		Instant now = OPENS.plus(Duration.ofDays(3));
		consultation.closeEarly(now);

		assertThat(consultation.getClosesAt()).isEqualTo(now);
		assertThat(consultation.isClosedEarly()).isTrue();
		assertThat(consultation.stateAt(now)).isEqualTo(Consultation.State.CLOSED);
		assertThatIllegalStateException().isThrownBy(() -> consultation.closeEarly(now.plusSeconds(1)));
	}

	@Test
	void anAnswerIsConfirmedOnceAndOnlyBeforeItsLinkExpires() {
		ConsultationResponse response = response("Too many cars", OPENS.plus(Duration.ofDays(7)));
		assertThatIllegalStateException().isThrownBy(() -> response.confirm(OPENS.plus(Duration.ofDays(7))));

		response.confirm(OPENS.plus(Duration.ofDays(7)).minusSeconds(1));

		assertThat(response.isConfirmed()).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> response.confirm(OPENS.plus(Duration.ofDays(1))));
	}

	@Test
	void aConcernIsApprovedAsEditedOrRejectedOnce() {
		ConsultationResponse edited = response("Number 12 Long Street: cars speed past", CLOSES);
		edited.approveConcern("  Cars speed along Long Street ", 7, OPENS);
		assertThat(edited.getConcern()).isEqualTo("Cars speed along Long Street");
		assertThat(edited.isConcernEdited()).isTrue();
		assertThat(edited.getConcernStatus()).isEqualTo(ConsultationResponse.ConcernStatus.APPROVED);
		assertThatIllegalStateException().isThrownBy(() -> edited.rejectConcern(7, OPENS));

		ConsultationResponse asWritten = response("Cars speed", CLOSES);
		asWritten.approveConcern("Cars speed", 7, OPENS);
		assertThat(asWritten.isConcernEdited()).isFalse();

		ConsultationResponse rejected = response("Rude words", CLOSES);
		assertThatIllegalArgumentException().isThrownBy(() -> rejected.approveConcern("  ", 7, OPENS));
		rejected.rejectConcern(7, OPENS);
		assertThat(rejected.getConcernStatus()).isEqualTo(ConsultationResponse.ConcernStatus.REJECTED);

		ConsultationResponse none = response(null, CLOSES);
		assertThat(none.getConcernStatus()).isNull();
		assertThatIllegalStateException().isThrownBy(() -> none.rejectConcern(7, OPENS));
	}

	private static Consultation consultation() {
		return new Consultation(1, "Which issues?", List.of("Speeding", "Burglary"), OPENS, CLOSES, OPENS);
	}

	private static ConsultationResponse response(String concern, Instant expires) {
		return new ConsultationResponse(1, "a@example.org", ConsultationResponse.RespondentType.RESIDENT, Set.of(1L),
				concern, OPENS, new byte[32], expires, "key");
	}

}

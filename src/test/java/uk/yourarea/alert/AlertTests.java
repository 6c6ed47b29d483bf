package uk.yourarea.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** An alert's statuses: each step only from where it may start. */
class AlertTests {

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	static final long AUTHOR = 7;

	@Test
	void aDraftIsScheduledWhenNoApprovalIsNeeded() {
		Alert alert = draft(AlertReach.NEIGHBOURHOODS);

		assertThat(alert.send(NOW.plus(Duration.ofHours(3)), false, NOW)).isTrue();

		assertThat(alert.getStatus()).isEqualTo(AlertStatus.SCHEDULED);
		assertThat(alert.getSendAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
		assertThat(alert.isCancellable()).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> alert.send(NOW, false, NOW));
		assertThatIllegalStateException().isThrownBy(() -> alert.edit(alert.draft(), NOW));
	}

	@Test
	void anAlertWaitingForApprovalIsApprovedBySomeoneElseOnly() {
		Alert alert = draft(AlertReach.FORCE);
		assertThat(alert.send(NOW, true, NOW)).isFalse();
		assertThat(alert.getStatus()).isEqualTo(AlertStatus.AWAITING_APPROVAL);

		assertThatIllegalStateException().isThrownBy(() -> alert.approve(AUTHOR, NOW));
		assertThat(alert.getStatus()).isEqualTo(AlertStatus.AWAITING_APPROVAL);

		Instant later = NOW.plus(Duration.ofHours(1));
		alert.approve(8, later);
		assertThat(alert.getStatus()).isEqualTo(AlertStatus.SCHEDULED);
		assertThat(alert.getApprovedById()).isEqualTo(8);
		// The time it was to go passed while it waited: it goes now.
		assertThat(alert.getSendAt()).isEqualTo(later);
		assertThatIllegalStateException().isThrownBy(() -> alert.approve(9, later));
	}

	@Test
	void aReturnedAlertIsADraftAgainWithTheReasonUntilItIsSentAgain() {
		Alert alert = draft(AlertReach.FORCE);
		alert.send(NOW, true, NOW);

		alert.returnToDraft("Check the date", NOW);

		assertThat(alert.getStatus()).isEqualTo(AlertStatus.DRAFT);
		assertThat(alert.getSendAt()).isNull();
		assertThat(alert.getReturnedReason()).isEqualTo("Check the date");
		alert.send(NOW, true, NOW);
		assertThat(alert.getReturnedReason()).isNull();
	}

	@Test
	void onlyAnAlertThatHasNotGoneCanBeCancelled() {
		Alert draft = draft(AlertReach.NEIGHBOURHOODS);
		assertThatIllegalStateException().isThrownBy(() -> draft.cancel(NOW));

		Alert scheduled = draft(AlertReach.NEIGHBOURHOODS);
		scheduled.send(NOW, false, NOW);
		scheduled.cancel(NOW);
		assertThat(scheduled.getStatus()).isEqualTo(AlertStatus.CANCELLED);
		assertThatIllegalStateException().isThrownBy(() -> scheduled.cancel(NOW));
	}

	@Test
	void anAlertToTheForceOrAnAreaKeepsNoChosenNeighbourhoods() {
		Alert alert = draft(AlertReach.NEIGHBOURHOODS);
		assertThat(alert.getNeighbourhoodIds()).containsExactlyInAnyOrder(53L, 54L);

		alert.edit(new AlertDraft("Title", "Body", AlertTopic.GENERAL, AlertReach.AREA, 3L, Set.of(53L)), NOW);

		assertThat(alert.getNeighbourhoodIds()).isEmpty();
		assertThat(alert.getLocalPolicingAreaId()).isEqualTo(3L);
	}

	@Test
	void welshReadersGetTheWelshWhenTheAuthorWroteIt() {
		Alert english = draft(AlertReach.NEIGHBOURHOODS);
		Alert welsh = new Alert(AUTHOR, new AlertDraft("Title", "Body", "Teitl", "Corff", AlertTopic.GENERAL,
				AlertReach.NEIGHBOURHOODS, null, Set.of(53L)), NOW);

		assertThat(welsh.hasWelsh()).isTrue();
		assertThat(welsh.titleIn(Languages.WELSH)).isEqualTo("Teitl");
		assertThat(welsh.bodyIn(Languages.WELSH)).isEqualTo("Corff");
		assertThat(welsh.titleIn(Languages.ENGLISH)).isEqualTo("Title");
		assertThat(welsh.bodyIn(Languages.ENGLISH)).isEqualTo("Body");
		assertThat(english.hasWelsh()).isFalse();
		assertThat(english.titleIn(Languages.WELSH)).isEqualTo("Title");
		assertThat(english.bodyIn(Languages.WELSH)).isEqualTo("Body");
		assertThat(welsh.draft().titleCy()).as("kept when the draft is changed").isEqualTo("Teitl");
	}

	private static Alert draft(AlertReach reach) {
		return new Alert(AUTHOR, new AlertDraft("Title", "Body", AlertTopic.GENERAL, reach, null,
				(reach == AlertReach.NEIGHBOURHOODS) ? Set.of(53L, 54L) : Set.of()), NOW);
	}

}

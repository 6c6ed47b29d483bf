package uk.yourarea.consultation;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import uk.yourarea.testing.Bundles;

/**
 * A consultation's state, a concern's state and who answered are named by keys of the
 * bundles: staff.properties for the staff pages and the answers' spreadsheet, and
 * messages.properties, with its Welsh, for the choice residents make.
 */
class ConsultationWordingTests {

	@Test
	void everyStateHasItsWordsInStaffProperties() {
		Bundles.assertStaffKeys("the consultation states' keys",
				Arrays.stream(Consultation.State.values()).map(Consultation.State::labelKey).toList());
		Bundles.assertStaffKeys("the concern states' keys",
				Arrays.stream(ConsultationResponse.ConcernStatus.values())
					.map(ConsultationResponse.ConcernStatus::labelKey)
					.toList());
	}

	@Test
	void everyKindOfRespondentHasItsWordsForStaffAndForResidents() {
		ConsultationResponse.RespondentType[] types = ConsultationResponse.RespondentType.values();
		Bundles.assertStaffKeys("who answered, on the staff pages",
				Arrays.stream(types).map(ConsultationResponse.RespondentType::staffLabelKey).toList());
		Bundles.assertStaffKeys("the hints over their concerns",
				Arrays.stream(types).map(ConsultationResponse.RespondentType::concernHintKey).toList());
		Bundles.assertResidentKeys("the choice residents make",
				Arrays.stream(types).map(ConsultationResponse.RespondentType::labelKey).toList());
	}

}

package uk.yourarea.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a change of public content says about the pages that show it, and the notice that
 * carries it to the other instances.
 */
class PublicContentChangedTests {

	@Test
	void aChangeOfOneNeighbourhoodsContentShowsOnlyOnItsPages() {
		assertThat(new PublicContentChanged("alert", 3, 12L).shownOnlyByPagesOf()).isEqualTo(12L);
		assertThat(new PublicContentChanged("priority", 3, 12L).mayChangePlaces()).isFalse();
	}

	@Test
	void aChangeOfPlacesOrOfNoOneNeighbourhoodMayShowAnywhere() {
		assertThat(new PublicContentChanged("coverage", 12, 12L).shownOnlyByPagesOf()).isNull();
		assertThat(new PublicContentChanged("neighbourhood", 12, 12L).shownOnlyByPagesOf()).isNull();
		assertThat(new PublicContentChanged("station", 4, null).shownOnlyByPagesOf()).isNull();
		assertThat(PublicContentChanged.anythingOnAnotherInstance().mayChangePlaces()).isTrue();
	}

	@Test
	void theNoticeCarriesTheKindAndTheNeighbourhood() {
		PublicContentChanged alert = PublicContentChanged
			.fromNotice(new PublicContentChanged("alert", 3, 12L).notice());
		PublicContentChanged station = PublicContentChanged
			.fromNotice(new PublicContentChanged("station", 4, null).notice());

		assertThat(alert.subjectType()).isEqualTo("alert");
		assertThat(alert.shownOnlyByPagesOf()).isEqualTo(12L);
		assertThat(alert.onAnotherInstanceOnly()).isTrue();
		assertThat(station.subjectType()).isEqualTo("station");
		assertThat(station.neighbourhoodId()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "Alert 12", "alert twelve", "alert 12 13", "alert;drop", "123" })
	void aNoticeThatCannotBeReadMeansAnythingMayHaveChanged(String notice) {
		PublicContentChanged change = PublicContentChanged.fromNotice(notice);

		assertThat(change.mayChangePlaces()).isTrue();
		assertThat(change.shownOnlyByPagesOf()).isNull();
		assertThat(change.onAnotherInstanceOnly()).isTrue();
	}

}

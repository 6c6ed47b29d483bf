package uk.yourarea.contact;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseRecordTests {

	@Test
	void percentageIsOfTheMessagesWhoseOutcomeIsKnownRoundedDown() {
		ResponseRecord record = new ResponseRecord(12, 9, 1, Duration.ofHours(20));

		assertThat(record.decided()).isEqualTo(11);
		assertThat(record.late()).isEqualTo(2);
		assertThat(record.percentOnTime()).isEqualTo(81);
	}

	@Test
	void noPercentageWhileEveryMessageIsStillInsideItsSeventyTwoHours() {
		assertThat(new ResponseRecord(3, 0, 3, null).percentOnTime()).isNull();
		assertThat(ResponseRecord.NONE.percentOnTime()).isNull();
	}

	@Test
	void fewerThanTenMessagesAreTooFewToPublish() {
		assertThat(new ResponseRecord(9, 9, 0, Duration.ofHours(1)).fairToPublish()).isFalse();
		assertThat(new ResponseRecord(10, 9, 0, Duration.ofHours(1)).fairToPublish()).isTrue();
	}

	@Test
	void medianReplyTimeIsInWholeHoursRoundedToTheNearest() {
		assertThat(new ResponseRecord(10, 10, 0, Duration.ofMinutes(89)).medianReplyHours()).isEqualTo(1);
		assertThat(new ResponseRecord(10, 10, 0, Duration.ofMinutes(90)).medianReplyHours()).isEqualTo(2);
		assertThat(new ResponseRecord(1, 0, 1, null).medianReplyHours()).isNull();
	}

}

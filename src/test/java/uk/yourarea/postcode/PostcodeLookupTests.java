package uk.yourarea.postcode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import uk.yourarea.web.PublicContentChanged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The lookup's kept answers, without a database: one query per postcode until a change of
 * places.
 */
class PostcodeLookupTests {

	private static final Postcode WIGSTON = Postcode.parse("LE18 1AA").orElseThrow();

	private final Statements statements = new Statements();

	private final PostcodeLookup lookup = new PostcodeLookup(mock(PostcodeRecordRepository.class), this.statements,
			new PostcodeProperties(10, Duration.ofMinutes(5)));

	@Test
	void asksTheDatabaseOncePerPostcodeUntilPlacesChange() {
		this.lookup.find(WIGSTON);
		this.lookup.find(WIGSTON);
		this.lookup.forget(new PublicContentChanged("priority", 1, 54L));
		this.lookup.forget(new PublicContentChanged("station", 1, null));
		this.lookup.find(WIGSTON);
		assertThat(this.statements.asked).containsExactly("LE18 1AA");

		this.lookup.forget(new PublicContentChanged("neighbourhood", 54, 54L));
		this.lookup.find(WIGSTON);
		assertThat(this.statements.asked).containsExactly("LE18 1AA", "LE18 1AA");
	}

	@Test
	void keepsNoAnswerReadWhileAChangeOfPlacesCommitted() {
		this.statements.duringTheNextQuery = () -> this.lookup.forget(new PublicContentChanged("coverage", 0, null));
		this.lookup.find(WIGSTON);
		this.lookup.find(WIGSTON);
		assertThat(this.statements.asked).containsExactly("LE18 1AA", "LE18 1AA");
	}

	@Test
	void anUnknownPostcodeIsKeptToo() {
		this.statements.rows = 0;
		assertThat(this.lookup.find(WIGSTON)).isInstanceOf(PostcodeLookup.Result.Unknown.class);
		assertThat(this.lookup.find(WIGSTON)).isInstanceOf(PostcodeLookup.Result.Unknown.class);
		assertThat(this.statements.asked).hasSize(1);
	}

	@Test
	void keepsNothingWhenToldToKeepNoAnswers() {
		PostcodeLookup uncached = new PostcodeLookup(mock(PostcodeRecordRepository.class), this.statements,
				new PostcodeProperties(0, Duration.ofMinutes(5)));
		uncached.find(WIGSTON);
		uncached.find(WIGSTON);
		assertThat(this.statements.asked).hasSize(2);
	}

	@Test
	void forgetsAnAnswerAtTheEndOfItsLifetimeEvenIfNoChangeWasAnnounced() throws InterruptedException {
		PostcodeLookup shortLived = new PostcodeLookup(mock(PostcodeRecordRepository.class), this.statements,
				new PostcodeProperties(10, Duration.ofMillis(50)));
		shortLived.find(WIGSTON);
		Thread.sleep(200);
		shortLived.find(WIGSTON);
		assertThat(this.statements.asked).hasSize(2);
	}

	/** Answers the lookup's query with Wigston, and records the postcodes asked. */
	private static final class Statements extends JdbcTemplate {

		final List<Object> asked = new ArrayList<>();

		Runnable duringTheNextQuery = () -> {
		};

		int rows = 1;

		@Override
		@SuppressWarnings("unchecked")
		public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
			this.asked.add(args[0]);
			Runnable during = this.duringTheNextQuery;
			this.duringTheNextQuery = () -> {
			};
			during.run();
			List<T> found = new ArrayList<>();
			for (int i = 0; i < this.rows; i++) {
				found.add((T) new PostcodeLookup.Result.InNeighbourhood(WIGSTON, 54, "wigston", false));
			}
			return found;
		}

	}

}

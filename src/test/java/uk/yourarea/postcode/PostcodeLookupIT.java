package uk.yourarea.postcode;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.TestPostcodes;
import uk.yourarea.web.PublicContentChanged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup keeps its answers until a change of places commits, here or on another
 * instance. Each test moves a Wigston postcode to Oadby by SQL, which announces nothing,
 * so the answer changes only when the lookup forgets what it kept.
 */
@DemoSiteTest
class PostcodeLookupIT {

	private static final Postcode POSTCODE = Postcode.parse("LE18 1AA").orElseThrow();

	@Autowired
	private PostcodeLookup lookup;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private ApplicationEventPublisher events;

	private long wigston;

	private long oadby;

	@BeforeEach
	void findTheNeighbourhoods() {
		this.wigston = this.jdbc.queryForObject("select neighbourhood_id from postcode where postcode = ?", Long.class,
				POSTCODE.value());
		this.oadby = this.jdbc.queryForObject("select id from neighbourhood where slug = 'oadby'", Long.class);
	}

	@AfterEach
	void putThePostcodeBack() {
		this.jdbc.update("update postcode set neighbourhood_id = ? where postcode = ?", this.wigston, POSTCODE.value());
		TestPostcodes.changedBySql(this.events);
	}

	@Test
	void keepsAnAnswerThroughOtherChangesUntilAChangeOfPlacesCommits() {
		assertThat(neighbourhoodOf(POSTCODE)).isEqualTo(this.wigston);
		moveThePostcodeToOadbyBySql();
		assertThat(neighbourhoodOf(POSTCODE)).as("kept").isEqualTo(this.wigston);

		this.transaction.executeWithoutResult(
				(status) -> this.events.publishEvent(new PublicContentChanged("alert", 1, this.wigston)));
		assertThat(neighbourhoodOf(POSTCODE)).as("after an alert").isEqualTo(this.wigston);

		this.transaction.executeWithoutResult((status) -> {
			this.events.publishEvent(new PublicContentChanged("coverage", 0, null));
			status.setRollbackOnly();
		});
		assertThat(neighbourhoodOf(POSTCODE)).as("after a change of coverage that rolled back").isEqualTo(this.wigston);

		this.transaction
			.executeWithoutResult((status) -> this.events.publishEvent(new PublicContentChanged("coverage", 0, null)));
		assertThat(neighbourhoodOf(POSTCODE)).as("after a change of coverage").isEqualTo(this.oadby);
	}

	@Test
	void forgetsItsAnswersWhenAnotherInstanceOrAnOperatorSaysCoverageChanged() throws Exception {
		assertThat(neighbourhoodOf(POSTCODE)).isEqualTo(this.wigston);
		moveThePostcodeToOadbyBySql();

		// As docs/operations.md tells an operator to, after changing postcodes by SQL.
		this.jdbc.execute("notify yourarea_public_content_changed, 'coverage'");

		waitUntilTheAnswerIs(this.oadby, Duration.ofSeconds(10));
	}

	private void waitUntilTheAnswerIs(long neighbourhood, Duration atMost) throws InterruptedException {
		Instant giveUp = Instant.now().plus(atMost);
		while (neighbourhoodOf(POSTCODE) != neighbourhood && Instant.now().isBefore(giveUp)) {
			Thread.sleep(50);
		}
		assertThat(neighbourhoodOf(POSTCODE)).isEqualTo(neighbourhood);
	}

	@Test
	void forgetsItsAnswersWhenItListensAgainAfterLosingTheConnectionForNotices() throws Exception {
		assertThat(neighbourhoodOf(POSTCODE)).isEqualTo(this.wigston);
		moveThePostcodeToOadbyBySql();

		// As a failover would: notices sent meanwhile are lost, so listening again
		// forgets everything.
		assertThat(this.jdbc.queryForList("""
				select pg_terminate_backend(pid) from pg_stat_activity
				where datname = current_database() and query ilike 'listen %' and pid <> pg_backend_pid()""",
				Boolean.class))
			.isNotEmpty();

		waitUntilTheAnswerIs(this.oadby, Duration.ofSeconds(30));
	}

	@Test
	void aTransactionThatWritesReadsItsOwnAnswersAndLeavesNoneBehind() {
		assertThat(neighbourhoodOf(POSTCODE)).as("kept").isEqualTo(this.wigston);
		movedInATransactionThatRollsBack();

		TestPostcodes.changedBySql(this.events);
		movedInATransactionThatRollsBack();

		assertThat(neighbourhoodOf(POSTCODE)).as("after the rollback").isEqualTo(this.wigston);
	}

	private void movedInATransactionThatRollsBack() {
		this.transaction.executeWithoutResult((status) -> {
			moveThePostcodeToOadbyBySql();
			assertThat(neighbourhoodOf(POSTCODE)).as("inside the transaction").isEqualTo(this.oadby);
			status.setRollbackOnly();
		});
	}

	private void moveThePostcodeToOadbyBySql() {
		this.jdbc.update("update postcode set neighbourhood_id = ? where postcode = ?", this.oadby, POSTCODE.value());
	}

	private long neighbourhoodOf(Postcode postcode) {
		PostcodeLookup.Result result = this.lookup.find(postcode);
		assertThat(result).isInstanceOf(PostcodeLookup.Result.InNeighbourhood.class);
		return ((PostcodeLookup.Result.InNeighbourhood) result).neighbourhoodId();
	}

}

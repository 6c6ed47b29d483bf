package uk.yourarea.area;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Your Area page needs at most six SQL statements when it is not cached, none when it
 * is: a regression (an N+1 query, a lazy load from the template) fails the build.
 */
@DemoSiteTest
class AreaPageQueriesIT {

	@Autowired
	AreaPages pages;

	@Autowired
	CacheManager caches;

	@BeforeEach
	void emptyTheCache() {
		this.caches.getCache(AreaPages.CACHE).clear();
	}

	@Test
	void aFullNeighbourhoodPageNeedsAtMostSixStatementsThenNoneFromTheCache() {
		StatementCounter.reset();
		AreaView wigston = this.pages.find("wigston").orElseThrow();
		int uncached = StatementCounter.count();

		StatementCounter.reset();
		AreaView again = this.pages.find("wigston").orElseThrow();

		assertThat(wigston.namedOfficer()).isNotNull();
		assertThat(wigston.priorities()).isNotEmpty()
			.allSatisfy((priority) -> assertThat(priority.updates()).as(priority.issue().text()).isNotEmpty());
		assertThat(wigston.events()).isNotEmpty();
		assertThat(wigston.stations()).isNotEmpty();
		assertThat(uncached).as("statements for an uncached page").isBetween(1, 6);
		assertThat(StatementCounter.count()).as("statements for a cached page").isZero();
		assertThat(again).isSameAs(wigston);
	}

	@Test
	void anUnknownPageIsNotCachedSoANeighbourhoodAddedLaterShowsAtOnce() {
		assertThat(this.pages.find("not-yet-a-neighbourhood")).isEmpty();

		assertThat(this.caches.getCache(AreaPages.CACHE).get(this.pages.cacheKeyNow("not-yet-a-neighbourhood")))
			.isNull();
	}

	@Test
	void everyNeighbourhoodStaysWithinTheBudget() {
		for (String slug : new String[] { "city-centre", "cultural-quarter", "oakham-town-and-barleythorpe",
				"enderby-narborough-new-lubbesthorpe-littlethorpe-and-fosse-park" }) {
			StatementCounter.reset();
			assertThat(this.pages.find(slug)).as(slug).isPresent();
			assertThat(StatementCounter.count()).as(slug).isLessThanOrEqualTo(6);
		}
	}

}

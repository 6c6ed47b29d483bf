package uk.yourarea;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * Has Spring Data read the repositories' {@code @Query} strings with its simple,
 * pattern-based enhancer instead of its full HQL grammar. Spring Data parses every query
 * at start-up only to be able to add sorting or a count query to it, which none of ours
 * needs: none takes a {@code Sort} or a {@code Pageable} (RepositoryQueriesTests keeps it
 * so). The full parse took about a second of start-up (docs/benchmarks.md). Hibernate
 * still parses and checks every query at start-up, so a wrong one still stops the
 * application.
 */
public class SimpleQueryEnhancerSelector implements QueryEnhancerSelector {

	@Override
	public QueryEnhancerFactory select(DeclaredQuery query) {
		return QueryEnhancerFactories.fallback();
	}

}

package uk.yourarea.neighbourhood;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A web address a neighbourhood had before it was renamed: {@code /area/{slug}} still
 * leads to it (301 to its current address).
 */
@Entity
@Table(name = "neighbourhood_former_slug")
class FormerSlug {

	@Id
	private String slug;

	private long neighbourhoodId;

	private Instant replacedAt;

	protected FormerSlug() {
	}

	FormerSlug(String slug, long neighbourhoodId, Instant replacedAt) {
		this.slug = slug;
		this.neighbourhoodId = neighbourhoodId;
		this.replacedAt = replacedAt;
	}

	String getSlug() {
		return this.slug;
	}

	long getNeighbourhoodId() {
		return this.neighbourhoodId;
	}

	Instant getReplacedAt() {
		return this.replacedAt;
	}

}

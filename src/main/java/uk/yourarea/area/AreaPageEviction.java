package uk.yourarea.area;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import uk.yourarea.web.PublicContentChanged;

/**
 * Empties the Your Area page cache once a change to public content commits. The whole
 * cache goes, not one entry: a station or a boundary touches several pages, a renamed
 * neighbourhood has two slugs, and edits come a few times a week, so refilling is cheap.
 * It goes before the rendered pages are rendered again, so that they are rendered from
 * what the change made.
 */
@Component
class AreaPageEviction {

	private final CacheManager caches;

	private final AreaPages pages;

	AreaPageEviction(CacheManager caches, AreaPages pages) {
		this.caches = caches;
		this.pages = pages;
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	void evict(PublicContentChanged change) {
		this.pages.changed();
		Cache cache = this.caches.getCache(AreaPages.CACHE);
		if (cache != null) {
			cache.invalidate();
		}
	}

}

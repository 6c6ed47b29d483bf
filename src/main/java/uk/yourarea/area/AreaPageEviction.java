package uk.yourarea.area;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import uk.yourarea.web.PublicContentChanged;

/**
 * Empties the Your Area page cache once a change to public content commits. The whole
 * cache goes, not one entry: a station or a boundary touches several pages, a renamed
 * neighbourhood has two slugs, and edits come a few times a week, so refilling is cheap.
 */
@Component
class AreaPageEviction {

	private final CacheManager caches;

	AreaPageEviction(CacheManager caches) {
		this.caches = caches;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void evict(PublicContentChanged change) {
		Cache cache = this.caches.getCache(AreaPages.CACHE);
		if (cache != null) {
			cache.invalidate();
		}
	}

}

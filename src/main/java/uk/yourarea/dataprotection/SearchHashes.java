package uk.yourarea.dataprotection;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.stereotype.Component;

import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.web.KeyedHashes;

/**
 * How the desk's log keeps what was searched for: the search's kind and normalised term,
 * hashed under {@link SearchKeyProperties}. The same search always gives the same hash,
 * so the desk can find its earlier actions about a person without the log holding who
 * they are.
 */
@Component
class SearchHashes {

	private static final String PURPOSE = "yourarea data protection searches:";

	private final KeyedHashes hashes;

	SearchHashes(SearchKeyProperties properties) {
		this.hashes = new KeyedHashes(PURPOSE, properties.secret(), properties.previous());
	}

	boolean keyed() {
		return this.hashes.keyed();
	}

	String hash(PersonSearch search) {
		return this.hashes.hash(text(search));
	}

	/**
	 * Every hash the log may hold for the search: under the current key, each previous
	 * one, and plain SHA-256 of the same text, as the log kept it before a key was set.
	 */
	List<String> candidates(PersonSearch search) {
		return this.hashes.candidates(text(search));
	}

	private static byte[] text(PersonSearch search) {
		return (search.by() + ":" + search.term()).getBytes(StandardCharsets.UTF_8);
	}

}

package uk.yourarea.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys of the message bundles, for tests that check the code names only keys the
 * bundles have: messages.properties (what residents read) with its Welsh, and
 * staff.properties (what only staff read).
 */
public final class Bundles {

	private Bundles() {
	}

	/** The keys of messages.properties. */
	public static Set<String> residents() {
		return keysOf("messages.properties");
	}

	/** The keys of messages_cy.properties. */
	public static Set<String> welsh() {
		return keysOf("messages_cy.properties");
	}

	/** The keys of staff.properties. */
	public static Set<String> staff() {
		return keysOf("staff.properties");
	}

	/**
	 * Checks that each key is a different one, and that staff.properties has them all.
	 */
	public static void assertStaffKeys(String what, Collection<String> keys) {
		assertThat(keys).as(what).isNotEmpty().doesNotHaveDuplicates();
		assertThat(keys).as(what + ", in staff.properties").isSubsetOf(staff());
	}

	/**
	 * Checks that each key is a different one, and that messages.properties has them all
	 * and messages_cy.properties their Welsh.
	 */
	public static void assertResidentKeys(String what, Collection<String> keys) {
		assertThat(keys).as(what).isNotEmpty().doesNotHaveDuplicates();
		assertThat(keys).as(what + ", in messages.properties").isSubsetOf(residents());
		assertThat(keys).as(what + ", in Welsh in messages_cy.properties").isSubsetOf(welsh());
	}

	private static Set<String> keysOf(String resource) {
		Properties bundle = new Properties();
		try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath");
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				bundle.load(reader);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bundle.stringPropertyNames();
	}

}

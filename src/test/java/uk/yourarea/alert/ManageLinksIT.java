package uk.yourarea.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.web.LinkTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The personal links to manage alerts, signed rather than stored: each opens its own
 * person's alerts and nobody else's, an altered or foreign one opens nothing, every
 * instance signs with the same key, and the links given out before they were signed still
 * work.
 */
@DemoSiteTest
class ManageLinksIT {

	@Autowired
	ManageLinks links;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void removeWhatWasAdded() {
		this.jdbc.update("delete from alert_subscriber where email like ?", "links-" + this.run + "%");
	}

	@Test
	void eachPersonsLinkOpensTheirAlertsOnly() {
		long ann = subscriber("ann");
		long bob = subscriber("bob");

		assertThat(this.links.subscriberId(tokenOf(ann))).hasValue(ann);
		assertThat(this.links.subscriberId(tokenOf(bob))).hasValue(bob);
		assertThat(tokenOf(ann)).as("the same link in every email").isEqualTo(tokenOf(ann)).hasSize(43);
	}

	@Test
	void aLinkStopsWorkingWhenThePersonIsDeleted() {
		long ann = subscriber("ann");
		String token = tokenOf(ann);

		this.jdbc.update("delete from alert_subscriber where id = ?", ann);

		assertThat(this.links.subscriberId(token)).isEmpty();
	}

	@Test
	void anAlteredLinkOpensNothing() {
		long ann = subscriber("ann");
		String token = tokenOf(ann);

		for (int at : new int[] { 0, 10, 21, 22, 30, 41, 42 }) {
			char changed = (token.charAt(at) == 'A') ? 'B' : 'A';
			String altered = token.substring(0, at) + changed + token.substring(at + 1);
			assertThat(this.links.subscriberId(altered)).as("changed at %d", at).isEmpty();
		}
		// The last character's two spare bits, which a Base64 decoder ignores.
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		int last = alphabet.indexOf(token.charAt(42));
		for (int spare = 1; spare < 4; spare++) {
			String respelled = token.substring(0, 42) + alphabet.charAt(last ^ spare);
			assertThat(this.links.subscriberId(respelled)).as("spare bits %d", spare).isEmpty();
		}
		assertThat(this.links.subscriberId(token.substring(1))).isEmpty();
		assertThat(this.links.subscriberId(token + "A")).isEmpty();
		assertThat(this.links.subscriberId(token.replace(token.charAt(5), '+'))).isEmpty();
	}

	@Test
	void aLinkSignedWithAnotherKeyOpensNothing() {
		long ann = subscriber("ann");
		ManageLinks elsewhere = new ManageLinks(this.jdbc, this.transactions,
				new AlertLinkProperties("another site's key, at least thirty-two characters"));

		String forged = elsewhere.tokenFor(linkIdOf(ann));

		assertThat(forged).isNotEqualTo(tokenOf(ann));
		assertThat(this.links.subscriberId(forged)).isEmpty();
		assertThat(elsewhere.subscriberId(tokenOf(ann))).isEmpty();
	}

	@Test
	void everyInstanceSignsWithTheKeyKeptInTheDatabase() {
		long ann = subscriber("ann");
		ManageLinks anotherInstance = new ManageLinks(this.jdbc, this.transactions, new AlertLinkProperties(null));

		assertThat(anotherInstance.tokenFor(linkIdOf(ann))).isEqualTo(tokenOf(ann));
		assertThat(anotherInstance.subscriberId(tokenOf(ann))).hasValue(ann);
		assertThat(this.jdbc.queryForObject("select count(*) from alert_link_key", Integer.class)).isOne();
	}

	@Test
	void aLinkGivenOutBeforeLinksWereSignedStillWorks() {
		long ann = subscriber("ann");
		String old = LinkTokens.newToken();
		this.jdbc.update("insert into alert_manage_link (token_hash, alert_subscriber_id, created_at) values (?, ?, ?)",
				LinkTokens.hash(old), ann, Timestamp.from(Instant.now()));

		assertThat(this.links.subscriberId(old)).hasValue(ann);
		assertThat(this.links.subscriberId(LinkTokens.newToken())).isEmpty();
	}

	@Test
	void aShortConfiguredKeyStopsTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AlertLinkProperties("too short"))
			.withMessageContaining("at least 32 characters");
		assertThat(new AlertLinkProperties(" ").secret()).isBlank();
	}

	private long subscriber(String name) {
		return this.jdbc.queryForObject("insert into alert_subscriber (email, created_at) values (?, ?) returning id",
				Long.class, "links-" + this.run + "-" + name + "@example.org", Timestamp.from(Instant.now()));
	}

	private UUID linkIdOf(long subscriber) {
		return this.jdbc.queryForObject("select link_id from alert_subscriber where id = ?", UUID.class, subscriber);
	}

	private String tokenOf(long subscriber) {
		return this.links.tokenFor(linkIdOf(subscriber));
	}

}

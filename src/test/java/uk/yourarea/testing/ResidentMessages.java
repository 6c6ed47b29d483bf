package uk.yourarea.testing;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident's message to a neighbourhood team, sent through the contact form as a
 * browser would (with a start time the site signed a minute ago), for tests that need one
 * to work on. The limit on messages from this machine's address is cleared first: the
 * tests of one run share it.
 */
public final class ResidentMessages {

	private final Site site;

	private final FormStamps stamps;

	private final RateLimits rateLimits;

	private final JdbcTemplate jdbc;

	public ResidentMessages(Site site, FormStamps stamps, RateLimits rateLimits, JdbcTemplate jdbc) {
		this.site = site;
		this.stamps = stamps;
		this.rateLimits = rateLimits;
		this.jdbc = jdbc;
	}

	/** A message sent, with its reference and its id. */
	public record Sent(String reference, long id) {
	}

	/**
	 * Sends a message to the neighbourhood at {@code /area/{slug}} and checks it was
	 * taken.
	 */
	public Sent send(String slug, String name, String email, String topic, String message) {
		this.rateLimits.clear("contact-address:127.0.0.1");
		Visitor resident = this.site.visitor();
		Map<String, String> fields = new HashMap<>();
		fields.put("name", name);
		fields.put("email", email);
		fields.put("preferredContact", "EMAIL");
		fields.put("senderType", "RESIDENT");
		fields.put("topic", topic);
		fields.put("message", message);
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(60)));
		HttpResponse<String> sent = resident.submit(resident.page("/area/" + slug + "/contact"), "main form", fields);
		assertThat(sent.statusCode()).as("the message to " + slug).isEqualTo(303);
		String reference = sent.headers().firstValue("Location").orElseThrow().replaceAll(".*reference=", "");
		long id = this.jdbc.queryForObject("select id from contact_message where reference = ?", Long.class, reference);
		return new Sent(reference, id);
	}

}

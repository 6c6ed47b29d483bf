package uk.yourarea.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.coverage.NeighbourhoodShapes;
import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change on one instance empties the page caches of every instance: a committed change
 * sends a PostgreSQL notice, a rolled-back one does not, and a notice from elsewhere
 * empties this instance's caches.
 */
@DemoSiteTest
class ChangesAcrossInstancesIT {

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private RenderedPageCache cache;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private NeighbourhoodShapes shapes;

	@Autowired
	private ChangesAcrossInstances instance;

	@Test
	void aNoticeFromAnotherInstanceEmptiesThisInstancesPages() throws Exception {
		readTheListOfAreas();
		assertThat(this.cache.holds("/areas")).isTrue();

		notifyFromElsewhere(null);

		waitUntilTheListIsForgotten();
		assertThat(this.cache.holds("/areas")).isFalse();
	}

	@Test
	void aNoticeOfAnAlertFromAnotherInstanceEmptiesThePagesButKeepsTheShapesOfTheMaps() throws Exception {
		readTheListOfAreas();
		List<NeighbourhoodShapes.Shape> shapes = this.shapes.all();
		assertThat(this.cache.holds("/areas")).isTrue();

		notifyFromElsewhere("alert");

		waitUntilTheListIsForgotten();
		assertThat(this.cache.holds("/areas")).isFalse();
		assertThat(this.shapes.all()).isSameAs(shapes);
	}

	@Test
	void anInstanceIgnoresItsOwnNotices() throws Exception {
		readTheListOfAreas();
		assertThat(this.cache.holds("/areas")).isTrue();

		notifyFromElsewhere("station " + this.instance.origin());
		Thread.sleep(1_000);
		assertThat(this.cache.holds("/areas")).as("its own notice").isTrue();

		notifyFromElsewhere("station @another");
		waitUntilTheListIsForgotten();
		assertThat(this.cache.holds("/areas")).as("another instance's").isFalse();
	}

	@Test
	void onlyACommittedChangeTellsTheOtherInstances() throws Exception {
		try (Connection other = this.dataSource.getConnection(); Statement statement = other.createStatement()) {
			statement.execute("listen " + ChangesAcrossInstances.CHANNEL);
			PGConnection notices = other.unwrap(PGConnection.class);
			drain(notices);

			this.transaction.executeWithoutResult((status) -> {
				this.events.publishEvent(new PublicContentChanged("station", 1, null));
				status.setRollbackOnly();
			});
			assertThat(received(notices)).as("after a rollback").isEmpty();

			this.transaction.executeWithoutResult(
					(status) -> this.events.publishEvent(new PublicContentChanged("station", 1, null)));
			assertThat(received(notices)).as("after a commit, with what changed and where from")
				.containsExactly("station " + this.instance.origin());

			statement.execute("unlisten *");
		}
	}

	private void readTheListOfAreas() throws Exception {
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/areas")).build(),
					HttpResponse.BodyHandlers.discarding());
	}

	/** A notice on the channel, as another instance (or this one) sends it. */
	private void notifyFromElsewhere(String payload) throws Exception {
		try (Connection other = this.dataSource.getConnection(); Statement statement = other.createStatement()) {
			statement
				.execute("notify " + ChangesAcrossInstances.CHANNEL + ((payload != null) ? ", '" + payload + "'" : ""));
		}
	}

	private void waitUntilTheListIsForgotten() throws Exception {
		Instant giveUp = Instant.now().plusSeconds(10);
		while (this.cache.holds("/areas") && Instant.now().isBefore(giveUp)) {
			Thread.sleep(50);
		}
	}

	private static void drain(PGConnection notices) throws Exception {
		notices.getNotifications(200);
	}

	private static List<String> received(PGConnection notices) throws Exception {
		PGNotification[] received = notices.getNotifications((int) Duration.ofSeconds(1).toMillis());
		return (received == null) ? List.of() : Arrays.stream(received).map(PGNotification::getParameter).toList();
	}

}

package uk.yourarea.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** During an outage requests stop waiting the whole connection timeout. */
class DatabaseOutageModeTests {

	private final HikariDataSource pool = mock(HikariDataSource.class);

	private final HikariConfigMXBean settings = mock(HikariConfigMXBean.class);

	private final DatabaseOutageMode mode = new DatabaseOutageMode(this.pool, 3000);

	@Test
	void everyConnectionBusyIsNotAnOutage() throws SQLException {
		given(this.pool.getHikariConfigMXBean()).willReturn(this.settings);
		given(this.pool.getConnection())
			.willThrow(new SQLTransientConnectionException("Connection is not available, request timed out"));

		this.mode.check();

		assertThat(this.mode.isOutage()).isFalse();
		org.mockito.Mockito.verifyNoInteractions(this.settings);
	}

	@Test
	void aPoolTimeoutCausedByAFailedConnectionIsAnOutage() {
		assertThat(DatabaseOutageMode.unreachable(
				new SQLTransientConnectionException("timed out", new SQLException("Connection refused", "08001"))))
			.isTrue();
	}

	@Test
	void shortensTheWaitWhileTheDatabaseIsUnreachableAndRestoresItWhenItAnswers() throws SQLException {
		given(this.pool.getHikariConfigMXBean()).willReturn(this.settings);
		given(this.pool.getConnection()).willThrow(new SQLException("Connection refused", "08001"));

		this.mode.check();

		assertThat(this.mode.isOutage()).isTrue();
		verify(this.settings).setConnectionTimeout(250);

		Connection connection = mock(Connection.class);
		given(connection.isValid(1)).willReturn(true);
		org.mockito.Mockito.reset(this.pool);
		given(this.pool.getHikariConfigMXBean()).willReturn(this.settings);
		given(this.pool.getConnection()).willReturn(connection);

		this.mode.check();

		assertThat(this.mode.isOutage()).isFalse();
		verify(this.settings).setConnectionTimeout(3000);
	}

}

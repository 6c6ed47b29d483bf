package uk.yourarea.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** During an outage requests are refused at once instead of each waiting for the pool. */
class DatabaseOutageModeTests {

	private final DataSource pool = mock(DataSource.class);

	private final DatabaseOutageMode.Reachability reachability = new DatabaseOutageMode.Reachability();

	private final DatabaseOutageMode.FailFast dataSource = new DatabaseOutageMode.FailFast(this.pool,
			this.reachability);

	private final DatabaseOutageMode mode = new DatabaseOutageMode(this.dataSource, this.reachability);

	@Test
	void everyConnectionBusyIsNotAnOutage() throws SQLException {
		given(this.pool.getConnection())
			.willThrow(new SQLTransientConnectionException("Connection is not available, request timed out"));

		assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(this.dataSource::getConnection);
		this.mode.check();

		assertThat(this.mode.isOutage()).isFalse();
		assertThat(this.reachability.suspected).isFalse();
	}

	@Test
	void aServerThatAnswersButHasNoRoomForAnotherConnectionIsNotAnOutage() throws SQLException {
		given(this.pool.getConnection()).willThrow(new SQLException("sorry, too many clients already", "53300"));
		assertThatExceptionOfType(SQLException.class).isThrownBy(this.dataSource::getConnection);

		this.mode.check();

		assertThat(this.mode.isOutage()).isFalse();
	}

	@Test
	void aPoolTimeoutCausedByAFailedConnectionIsAnOutage() {
		assertThat(DatabaseOutageMode.unreachable(
				new SQLTransientConnectionException("timed out", new SQLException("Connection refused", "08001"))))
			.isTrue();
	}

	@Test
	void refusesAtOnceWhileTheDatabaseIsUnreachableAndWaitsAsUsualWhenItAnswers() throws SQLException {
		given(this.pool.getConnection()).willThrow(new SQLException("Connection refused", "08001"));
		assertThatExceptionOfType(SQLException.class).isThrownBy(this.dataSource::getConnection);
		assertThat(this.reachability.suspected).as("a request found it unreachable").isTrue();

		this.mode.check();

		assertThat(this.mode.isOutage()).isTrue();
		org.mockito.Mockito.clearInvocations(this.pool);
		assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(this.dataSource::getConnection)
			.satisfies((refused) -> assertThat(DatabaseFailures.isOutage(refused)).isTrue());
		verify(this.pool, never()).getConnection();

		Connection connection = mock(Connection.class);
		given(connection.isValid(1)).willReturn(true);
		org.mockito.Mockito.reset(this.pool);
		given(this.pool.getConnection()).willReturn(connection);

		this.mode.check();

		assertThat(this.mode.isOutage()).isFalse();
		assertThat(this.dataSource.getConnection()).isSameAs(connection);
	}

}

package uk.yourarea.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.UnexpectedRollbackException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are the database being unavailable (a 503 page), however deep in the
 * causes the driver's or the pool's error sits.
 */
class DatabaseFailuresTests {

	@ParameterizedTest
	@ValueSource(strings = { "57P01", "57P02", "57P03", "53300", "08006", "08003", "08001", "57014", "58030" })
	void aConnectionCutOrRefusedIsAnOutageWhateverWrapsIt(String sqlState) {
		SQLException driver = new SQLException("from the driver", sqlState);

		assertThat(DatabaseFailures.isOutage(driver)).isTrue();
		assertThat(DatabaseFailures.isOutage(new GenericJDBCException("statement", driver))).isTrue();
		assertThat(DatabaseFailures.isOutage(new JpaSystemException(new PersistenceException(driver)))).isTrue();
		assertThat(DatabaseFailures.isOutage(new UncategorizedSQLException("insert", "insert ...", driver))).isTrue();
		assertThat(DatabaseFailures.isOutage(new TransactionSystemException("commit failed", driver))).isTrue();
		UnexpectedRollbackException rollback = new UnexpectedRollbackException("rolled back",
				new PersistenceException(new GenericJDBCException("flush", driver)));
		assertThat(DatabaseFailures.isOutage(rollback)).isTrue();
		assertThat(DatabaseFailures.isDatabaseFailure(rollback)).isTrue();
	}

	@Test
	void noConnectionFromThePoolIsAnOutage() {
		SQLTransientConnectionException pool = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 3000ms");

		assertThat(DatabaseFailures.isOutage(pool)).isTrue();
		assertThat(DatabaseFailures.isOutage(new CannotCreateTransactionException("Could not open JPA EntityManager",
				new JDBCConnectionException("Unable to acquire JDBC Connection", pool))))
			.isTrue();
	}

	@Test
	void aRollbackOnAConnectionTheServerCutIsAnOutage() {
		// What Spring throws when the statement failed with 57P01 and the rollback then
		// found the connection closed: the statement's error is not among the causes.
		JpaSystemException rollback = new JpaSystemException(new org.hibernate.TransactionException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

		assertThat(DatabaseFailures.isOutage(rollback)).isTrue();
		assertThat(DatabaseFailures.isOutage(new JpaSystemException(new org.hibernate.TransactionException(
				"Unable to commit against JDBC Connection", new SQLException("deferred check", "23514")))))
			.as("a constraint checked at commit is the data, not the connection")
			.isFalse();
	}

	@Test
	void aHibernateConnectionErrorIsAnOutageEvenWithoutASqlState() {
		assertThat(DatabaseFailures
			.isOutage(new JpaSystemException(new JDBCConnectionException("gone", new SQLException("closed")))))
			.isTrue();
	}

	@Test
	void aRefusalOfTheDataIsADatabaseFailureButNotAnOutage() {
		DataIntegrityViolationException nul = new DataIntegrityViolationException("insert",
				new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

		assertThat(DatabaseFailures.isOutage(nul)).isFalse();
		assertThat(DatabaseFailures.isDatabaseFailure(nul)).isTrue();
		assertThat(DatabaseFailures.describe(nul)).isEqualTo("DataIntegrityViolationException (SQLSTATE 22021)")
			.doesNotContain("0x00");
	}

	@Test
	void otherErrorsAreNeither() {
		IllegalStateException bug = new IllegalStateException("a bug", new IllegalArgumentException());

		assertThat(DatabaseFailures.isOutage(bug)).isFalse();
		assertThat(DatabaseFailures.isDatabaseFailure(bug)).isFalse();
		assertThat(DatabaseFailures.isOutage(null)).isFalse();
	}

	@Test
	void aCauseThatRefersBackToItselfEndsTheSearch() {
		SQLException first = new SQLException("first", "23505");
		SQLException second = new SQLException("second", "23505", first);
		first.initCause(second);

		assertThat(DatabaseFailures.isOutage(second)).isFalse();
		assertThat(DatabaseFailures.isDatabaseFailure(second)).isTrue();
	}

}

package uk.yourarea.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletResponse;

import org.hibernate.HibernateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Tells database failures apart from other errors, whatever wraps them (Spring's
 * {@code DataAccessException}s, transaction exceptions such as
 * {@code TransactionSystemException} and {@code UnexpectedRollbackException}, JPA and
 * Hibernate exceptions, the JDBC driver's and the connection pool's).
 * <ul>
 * <li>An <em>outage</em> is the database being unreachable or unable to serve right now:
 * no connection to be had (the pool timed out, SQLSTATE class 08), the connection cut
 * (57P01 admin_shutdown, 57P02, and the rest of class 57 operator intervention, such as a
 * statement cancelled by a timeout), the server starting or stopping (57P03), out of
 * connections or other resources (class 53) or a system error (class 58). The answer is a
 * 503 page: the same request may work again in a moment.</li>
 * <li>Any <em>database failure</em>, an outage or not, while a resident sends a form must
 * not lose what they typed: the form comes back (503) to send again.</li>
 * </ul>
 */
public final class DatabaseFailures {

	/**
	 * How long, in seconds, a client should wait before trying again after a 503: long
	 * enough for a restarted database or a failed-over connection to be back.
	 */
	public static final String RETRY_AFTER_SECONDS = "30";

	/** SQLSTATE classes and codes that mean the database cannot serve right now. */
	private static final Set<String> OUTAGE_CLASSES = Set.of("08", "53", "57", "58");

	private DatabaseFailures() {
	}

	/**
	 * Whether the database was unreachable or unable to serve, at any depth of causes.
	 */
	public static boolean isOutage(@Nullable Throwable failure) {
		for (Throwable cause : causes(failure)) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && outageState(sql.getSQLState())) {
				return true;
			}
			if (cause instanceof org.hibernate.TransactionException && cause.getCause() instanceof SQLException sql
					&& (sql.getSQLState() == null || outageState(sql.getSQLState()))) {
				// A commit or rollback the connection could not carry out: the pool's
				// "Connection is closed" after the server cut it carries no SQLSTATE.
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether anything in the chain of causes comes from the database or its
	 * transactions: an outage, or any other error the database gave.
	 */
	public static boolean isDatabaseFailure(@Nullable Throwable failure) {
		for (Throwable cause : causes(failure)) {
			if (cause instanceof DataAccessException || cause instanceof TransactionException
					|| cause instanceof PersistenceException || cause instanceof HibernateException
					|| cause instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

	/** Tells the client when to try again, with a 503 status. */
	public static void serviceUnavailable(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
	}

	/**
	 * A short description for the log: the exception's type and the SQLSTATE of the
	 * deepest database error. Never the messages, which may quote the statement's values
	 * (a resident's name or words).
	 */
	public static String describe(Throwable failure) {
		String state = null;
		for (Throwable cause : causes(failure)) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				state = sql.getSQLState();
			}
		}
		return failure.getClass().getSimpleName() + ((state != null) ? " (SQLSTATE " + state + ")" : "");
	}

	private static boolean outageState(@Nullable String state) {
		return state != null && state.length() == 5 && OUTAGE_CLASSES.contains(state.substring(0, 2));
	}

	/** The failure and its causes (and the next exceptions of SQL errors), each once. */
	private static Iterable<Throwable> causes(@Nullable Throwable failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		Deque<Throwable> pending = new ArrayDeque<>();
		List<Throwable> all = new ArrayList<>();
		if (failure != null) {
			pending.add(failure);
		}
		while (!pending.isEmpty() && all.size() < 50) {
			Throwable next = pending.poll();
			if (seen.put(next, Boolean.TRUE) != null) {
				continue;
			}
			all.add(next);
			if (next.getCause() != null) {
				pending.add(next.getCause());
			}
			if (next instanceof SQLException sql && sql.getNextException() != null) {
				pending.add(sql.getNextException());
			}
			for (Throwable suppressed : next.getSuppressed()) {
				pending.add(suppressed);
			}
		}
		return all;
	}

}

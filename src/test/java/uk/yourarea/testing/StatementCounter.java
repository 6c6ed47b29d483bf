package uk.yourarea.testing;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the current thread, so a test can
 * assert how many a page needs while other threads (the email relay, say) keep working.
 * Registered for the demo-site tests with
 * {@code hibernate.session_factory.statement_inspector}.
 */
public class StatementCounter implements StatementInspector {

	private static final ThreadLocal<Integer> COUNT = ThreadLocal.withInitial(() -> 0);

	@Override
	public String inspect(String sql) {
		COUNT.set(COUNT.get() + 1);
		return sql;
	}

	public static void reset() {
		COUNT.set(0);
	}

	public static int count() {
		return COUNT.get();
	}

}

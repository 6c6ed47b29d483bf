package uk.yourarea.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Outside the demo profile the site refuses to start while an account has the demo
 * password.
 */
class DemoPasswordGuardTests {

	private final PasswordEncoder encoder = PasswordHashing.encoder();

	@Test
	void findsTheAccountsWithTheDemoPassword() {
		Map<String, String> hashes = new LinkedHashMap<>();
		hashes.put("chosen@example.org", this.encoder.encode("a password of their own"));
		hashes.put("admin@example.org", this.encoder.encode(DemoPasswords.DEMO_PASSWORD));
		hashes.put("officer@example.org", this.encoder.encode(DemoPasswords.DEMO_PASSWORD));

		assertThat(DemoPasswords.accountsWithDemoPassword(hashes, this.encoder::matches))
			.containsExactly("admin@example.org", "officer@example.org");
	}

	@Test
	void refusesToStartWhenAnAccountHasTheDemoPassword() throws SQLException {
		DemoPasswordGuard guard = new DemoPasswordGuard(
				database(Map.of("chosen@example.org", this.encoder.encode("a password of their own"),
						"admin@example.org", this.encoder.encode(DemoPasswords.DEMO_PASSWORD))),
				this.encoder);

		assertThatIllegalStateException().isThrownBy(guard::afterSingletonsInstantiated)
			.withMessageStartingWith("Refusing to start: 1 staff account(s) have the published demo password")
			.withMessageContaining("admin@example.org")
			.withMessageNotContaining("chosen@example.org")
			.withMessageNotContaining(DemoPasswords.DEMO_PASSWORD);
	}

	@Test
	void startsWhenNoAccountHasTheDemoPassword() throws SQLException {
		DemoPasswordGuard guard = new DemoPasswordGuard(database(Map.of("chosen@example.org",
				this.encoder.encode("a password of their own"), "legacy@example.org", "not-a-delegating-hash")),
				this.encoder);

		assertThatNoException().isThrownBy(guard::afterSingletonsInstantiated);
	}

	@Test
	void startsWhenTheDatabaseIsDown() {
		JdbcTemplate jdbc = mock(JdbcTemplate.class);
		willThrow(new DataAccessResourceFailureException("down")).given(jdbc)
			.query(anyString(), any(RowCallbackHandler.class));

		assertThatNoException().isThrownBy(new DemoPasswordGuard(jdbc, this.encoder)::afterSingletonsInstantiated);
	}

	private static JdbcTemplate database(Map<String, String> hashes) throws SQLException {
		JdbcTemplate jdbc = mock(JdbcTemplate.class);
		willAnswer((invocation) -> {
			RowCallbackHandler handler = invocation.getArgument(1);
			for (Map.Entry<String, String> account : hashes.entrySet()) {
				ResultSet row = mock(ResultSet.class);
				when(row.getString(1)).thenReturn(account.getKey());
				when(row.getString(2)).thenReturn(account.getValue());
				handler.processRow(row);
			}
			return null;
		}).given(jdbc).query(anyString(), any(RowCallbackHandler.class));
		return jdbc;
	}

}

package uk.yourarea.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the {@code demo} profile, refuses to start while any staff account has the
 * published demo password: a database copied from a demo site, or demo accounts created
 * by mistake, must not go live. (Sign-in refuses that password outside the demo profile
 * too, so an account missed here, say because the database was down at start, still
 * cannot be used with it.)
 * <p>
 * {@code yourarea.security.refuse-demo-passwords=false} turns the check off, for a tool
 * or test that runs without the demo profile against a demo database. Never in
 * production.
 */
@Component
@Profile("!demo")
@ConditionalOnProperty(name = "yourarea.security.refuse-demo-passwords", havingValue = "true", matchIfMissing = true)
class DemoPasswordGuard implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoPasswordGuard.class);

	private final JdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	DemoPasswordGuard(JdbcTemplate jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, String> hashes = new LinkedHashMap<>();
		try {
			RowCallbackHandler collect = (row) -> hashes.put(row.getString(1), row.getString(2));
			this.jdbc.query("select email, password_hash from staff_account", collect);
		}
		catch (DataAccessException ex) {
			log.warn("Could not check staff accounts for the demo password: {}", ex.getMessage());
			return;
		}
		List<String> found = DemoPasswords.accountsWithDemoPassword(hashes, this::matches);
		if (!found.isEmpty()) {
			throw new IllegalStateException("Refusing to start: " + found.size()
					+ " staff account(s) have the published demo password, which is only for the demo profile: "
					+ String.join(", ", found) + ". Give them new passwords or delete them (or start with the demo "
					+ "profile).");
		}
	}

	private boolean matches(String password, String hash) {
		try {
			return this.encoder.matches(password, hash);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}

package uk.yourarea.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import uk.yourarea.web.KeyedHashes;

/**
 * The key that seals the staff's authenticator-app keys in the database
 * ({@link AuthenticatorKeySeal}), so that a copy of the database or of a backup alone
 * cannot produce their codes. It comes only from the environment and is never stored.
 *
 * @param secret at least 32 random characters ({@code YOURAREA_SECURITY_TOTP_SECRET}),
 * the same on every instance; unset, the keys are kept in clear, and outside the demo
 * profile start-up says so
 * @param previous keys that may still have sealed some of them
 * ({@code YOURAREA_SECURITY_TOTP_PREVIOUS}, separated by commas): each is opened with
 * whichever fits and sealed again with {@link #secret()} at start-up, so a key can be
 * changed without anyone setting up their app again
 */
@ConfigurationProperties("yourarea.security.totp")
public record AuthenticatorKeyProperties(@Nullable String secret, @DefaultValue List<String> previous) {

	public AuthenticatorKeyProperties {
		secret = KeyedHashes.secretSetting("yourarea.security.totp.secret", secret);
		previous = KeyedHashes.previousSetting("yourarea.security.totp.previous", previous);
	}

}

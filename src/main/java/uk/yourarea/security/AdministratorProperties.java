package uk.yourarea.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created on start when there is none
 * ({@code YOURAREA_ADMIN_EMAIL}, {@code YOURAREA_ADMIN_PASSWORD}).
 */
@ConfigurationProperties("yourarea.admin")
record AdministratorProperties(@Nullable String email, @Nullable String password) {

	boolean isSet() {
		return this.email != null && !this.email.isBlank() && this.password != null && !this.password.isEmpty();
	}

}

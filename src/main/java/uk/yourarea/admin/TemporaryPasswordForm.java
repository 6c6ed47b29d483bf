package uk.yourarea.admin;

import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

/** A temporary password an administrator gives someone who cannot sign in. */
record TemporaryPasswordForm(
		@NotEmpty(message = "{admin.accounts.temporary-password.required}") @Nullable String temporaryPassword) {

}

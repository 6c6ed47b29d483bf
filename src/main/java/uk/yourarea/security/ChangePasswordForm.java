package uk.yourarea.security;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

/** A member of staff choosing their own new password. Never shown back to them. */
record ChangePasswordForm(
		@NotEmpty(message = "{security.change-password.current.required}") @Nullable String currentPassword,
		@NotEmpty(message = "{security.change-password.new.required}") @Nullable String newPassword,
		@NotEmpty(message = "{security.change-password.confirm.required}") @Nullable String confirmPassword) {

	static final List<String> FIELD_ORDER = List.of("currentPassword", "newPassword", "confirmPassword");

}

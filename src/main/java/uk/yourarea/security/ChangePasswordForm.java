package uk.yourarea.security;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

/** A member of staff choosing their own new password. Never shown back to them. */
record ChangePasswordForm(@NotEmpty(message = "Enter your current password") @Nullable String currentPassword,
		@NotEmpty(message = "Enter a new password") @Nullable String newPassword,
		@NotEmpty(message = "Confirm your new password") @Nullable String confirmPassword) {

	static final List<String> FIELD_ORDER = List.of("currentPassword", "newPassword", "confirmPassword");

}

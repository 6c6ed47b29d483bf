package uk.yourarea.alert;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;

import org.jspecify.annotations.Nullable;

/** New choices for one neighbourhood on the manage page. */
record ChoicesForm(
		@NotEmpty(message = "{alerts.manage.categories.required}") @Nullable List<@Nullable AlertCategory> categories) {

	Set<AlertCategory> chosen() {
		Set<AlertCategory> chosen = EnumSet.noneOf(AlertCategory.class);
		if (this.categories != null) {
			this.categories.stream().filter(Objects::nonNull).forEach(chosen::add);
		}
		return chosen;
	}

}

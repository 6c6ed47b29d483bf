package uk.yourarea.admin;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffRole;

/**
 * What an administrator types to add a staff account or change one: only the fields they
 * may set. {@code temporaryPassword} is for a new account only; {@code version} for a
 * change only (the version the form was based on, to spot someone else's change saved in
 * the meantime).
 */
record StaffAccountForm(
		@NotBlank(message = "{admin.accounts.name.required}") @Size(max = 100,
				message = "{admin.accounts.name.too-long}") @Nullable String name,
		@NotBlank(message = "{admin.accounts.email.required}") @Size(max = 254,
				message = "{admin.accounts.email.too-long}") @Email(
						message = "{admin.accounts.email.format}") @Nullable String email,
		@NotEmpty(message = "{admin.accounts.roles.required}") @Nullable List<StaffRole> roles,
		@Nullable List<Long> localPolicingAreaIds, @Nullable List<Long> neighbourhoodIds,
		@Pattern(regexp = "^$|" + StaffAccounts.Details.COLLAR_NUMBER_PATTERN,
				message = "{admin.accounts.collar-number.format}") @Nullable String collarNumber,
		@Nullable String temporaryPassword, @Nullable Long version) {

	StaffAccountForm {
		name = (name != null) ? name.strip() : null;
		email = (email != null) ? email.strip() : null;
		collarNumber = (collarNumber != null) ? collarNumber.strip() : null;
	}

	static final List<String> FIELD_ORDER = List.of("name", "email", "collarNumber", "roles", "localPolicingAreaIds",
			"neighbourhoodIds", "temporaryPassword");

	static StaffAccountForm blank() {
		return new StaffAccountForm("", "", List.of(), List.of(), List.of(), "", null, null);
	}

	static StaffAccountForm of(StaffAccounts.Account account) {
		return new StaffAccountForm(account.name(), account.email(), account.sortedRoles(),
				List.copyOf(account.localPolicingAreaIds()), List.copyOf(account.neighbourhoodIds()),
				account.collarNumber(), null, account.version());
	}

	List<StaffRole> roleList() {
		return (this.roles != null) ? this.roles : List.of();
	}

	List<Long> areaList() {
		return (this.localPolicingAreaIds != null) ? this.localPolicingAreaIds : List.of();
	}

	List<Long> neighbourhoodList() {
		return (this.neighbourhoodIds != null) ? this.neighbourhoodIds : List.of();
	}

	/** For the checkboxes: whether a value was ticked. */
	public boolean hasRole(StaffRole role) {
		return roleList().contains(role);
	}

	public boolean hasArea(long id) {
		return areaList().contains(id);
	}

	public boolean hasNeighbourhood(long id) {
		return neighbourhoodList().contains(id);
	}

	/**
	 * Marks the form as based on another version (after someone else's change was
	 * loaded).
	 */
	StaffAccountForm basedOn(long newVersion) {
		return new StaffAccountForm(this.name, this.email, this.roles, this.localPolicingAreaIds, this.neighbourhoodIds,
				this.collarNumber, null, newVersion);
	}

	/** Never send a password back to the browser. */
	StaffAccountForm withoutPassword() {
		return new StaffAccountForm(this.name, this.email, this.roles, this.localPolicingAreaIds, this.neighbourhoodIds,
				this.collarNumber, null, this.version);
	}

}

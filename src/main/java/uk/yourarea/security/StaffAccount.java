package uk.yourarea.security;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff who signs in: their roles, the neighbourhoods they belong to
 * (officers) and the local policing areas they look after (supervisors). The password is
 * kept only as an Argon2id hash.
 */
@Entity
@Table(name = "staff_account")
class StaffAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String email;

	private String name;

	private String passwordHash;

	private boolean mustChangePassword;

	private boolean enabled;

	private Instant createdAt;

	private @Nullable String collarNumber;

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_account_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<StaffRole> roles = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "staff_neighbourhood", joinColumns = @JoinColumn(name = "staff_account_id"))
	@Column(name = "neighbourhood_id")
	private Set<Long> neighbourhoodIds = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "staff_local_policing_area", joinColumns = @JoinColumn(name = "staff_account_id"))
	@Column(name = "local_policing_area_id")
	private Set<Long> localPolicingAreaIds = new HashSet<>();

	protected StaffAccount() {
	}

	StaffAccount(String email, String name, String passwordHash, boolean mustChangePassword, Instant createdAt) {
		this.email = normaliseEmail(email);
		this.name = name.strip();
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChangePassword;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	/** Email addresses are compared in lower case, without surrounding spaces. */
	static String normaliseEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	void describe(String email, String name, Collection<StaffRole> roles, Collection<Long> neighbourhoodIds,
			Collection<Long> localPolicingAreaIds, @Nullable String collarNumber) {
		this.email = normaliseEmail(email);
		this.name = name.strip();
		this.collarNumber = collarNumber;
		replace(this.roles, roles);
		replace(this.neighbourhoodIds, neighbourhoodIds);
		replace(this.localPolicingAreaIds, localPolicingAreaIds);
	}

	/** A new password that the owner chose: they are not asked to change it again. */
	void changePassword(String newHash) {
		this.passwordHash = newHash;
		this.mustChangePassword = false;
	}

	/**
	 * A password an administrator set: the owner must replace it when they next sign in.
	 */
	void setTemporaryPassword(String newHash) {
		this.passwordHash = newHash;
		this.mustChangePassword = true;
	}

	/** The same password, hashed again with stronger settings. */
	void rehash(String newHash) {
		this.passwordHash = newHash;
	}

	void disable() {
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

	StaffUser toStaffUser() {
		return new StaffUser(getId(), this.name, this.email, this.roles, this.neighbourhoodIds,
				this.localPolicingAreaIds);
	}

	StaffAccounts.Account toAccount() {
		return new StaffAccounts.Account(getId(), this.name, this.email, this.roles, this.neighbourhoodIds,
				this.localPolicingAreaIds, this.enabled, this.mustChangePassword, this.createdAt, this.version,
				this.collarNumber);
	}

	private static <T> void replace(Set<T> target, Collection<T> values) {
		target.retainAll(values);
		target.addAll(values);
	}

	long getId() {
		if (this.id == null) {
			throw new IllegalStateException("The staff account has not been saved yet");
		}
		return this.id;
	}

	String getEmail() {
		return this.email;
	}

	String getName() {
		return this.name;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	long getVersion() {
		return this.version;
	}

	Set<StaffRole> getRoles() {
		return Set.copyOf(this.roles);
	}

}

package uk.yourarea.contact;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.jspecify.annotations.Nullable;

/**
 * One step in a message's life: something the resident or the team said, or something
 * staff did (viewed, noted, assigned, closed). The resident sees only the conversation;
 * staff see everything.
 */
@Entity
class MessageEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "contact_message_id")
	private ContactMessage message;

	@Enumerated(EnumType.STRING)
	private EntryKind kind;

	@Column(name = "staff_account_id")
	private @Nullable Long staffAccountId;

	private @Nullable String body;

	private Instant at;

	protected MessageEntry() {
	}

	MessageEntry(ContactMessage message, EntryKind kind, @Nullable Long staffAccountId, @Nullable String body,
			Instant at) {
		this.message = message;
		this.kind = kind;
		this.staffAccountId = staffAccountId;
		this.body = body;
		this.at = at;
	}

	public Long getId() {
		return this.id;
	}

	public EntryKind getKind() {
		return this.kind;
	}

	public @Nullable Long getStaffAccountId() {
		return this.staffAccountId;
	}

	public @Nullable String getBody() {
		return this.body;
	}

	public Instant getAt() {
		return this.at;
	}

}

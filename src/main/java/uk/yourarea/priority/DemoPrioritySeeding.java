package uk.yourarea.priority;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demonstration force's open priorities directly, with no change record and
 * no one signed in: for the demo data, loaded before anyone can sign in.
 */
@Component
public class DemoPrioritySeeding {

	private final PriorityRepository priorities;

	private final PriorityUpdateRepository updates;

	private final Clock clock;

	DemoPrioritySeeding(PriorityRepository priorities, PriorityUpdateRepository updates, Clock clock) {
		this.priorities = priorities;
		this.updates = updates;
		this.clock = clock;
	}

	/** An open priority to create, with its updates, oldest first. */
	public record NewPriority(String issue, @Nullable String issueCy, LocalDate raisedOn, List<NewUpdate> updates) {

		/** A priority in English only. */
		public NewPriority(String issue, LocalDate raisedOn, List<NewUpdate> updates) {
			this(issue, null, raisedOn, updates);
		}

	}

	public record NewUpdate(LocalDate writtenOn, String text, @Nullable String textCy, String writtenBy) {

		/** An update in English only. */
		public NewUpdate(LocalDate writtenOn, String text, String writtenBy) {
			this(writtenOn, text, null, writtenBy);
		}

	}

	/** Creates an open priority with its updates and answers its id. */
	@Transactional
	public long addPriority(long neighbourhoodId, NewPriority created) {
		Priority priority = this.priorities
			.save(new Priority(neighbourhoodId, created.issue(), created.issueCy(), created.raisedOn()));
		for (NewUpdate update : created.updates()) {
			this.updates.save(priority.addUpdate(update.text(), update.textCy(), update.writtenOn(), update.writtenBy(),
					this.clock.instant()));
		}
		return priority.getId();
	}

}

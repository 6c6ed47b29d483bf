package uk.yourarea.contact;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.yourarea.notification.EmailFailed;

/**
 * Puts an undeliverable email on its message's history, so staff see the resident did not
 * get it.
 */
@Component
class EmailFailureRecorder {

	private final ContactMessageRepository messages;

	private final Clock clock;

	EmailFailureRecorder(ContactMessageRepository messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@EventListener
	void emailFailed(EmailFailed event) {
		if (event.contactMessageId() == null) {
			return;
		}
		this.messages.findById(event.contactMessageId())
			.ifPresent((message) -> message.emailFailed(this.clock.instant()));
	}

}

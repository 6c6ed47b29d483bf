package uk.yourarea.inbox;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.contact.Conversations;
import uk.yourarea.contact.MessageChangedException;
import uk.yourarea.contact.MessageStatus;
import uk.yourarea.contact.Topic;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.OnceOnly;

/**
 * The officers' inbox, one message's page with its actions, and the supervisors' view.
 */
@Controller
@OnceOnly.Forms
class InboxController {

	static final int MAX_TEXT = 5000;

	static final List<Choice> REPLY_KINDS = List.of(new Choice("FULL", "Full reply: this answers the message"),
			new Choice("HOLDING", "Holding reply: we are looking into this"));

	private final MessageInbox inbox;

	private final Conversations conversations;

	private final StalePriorities stalePriorities;

	private final OnceOnly onceOnly;

	InboxController(MessageInbox inbox, Conversations conversations, StalePriorities stalePriorities,
			OnceOnly onceOnly) {
		this.inbox = inbox;
		this.conversations = conversations;
		this.stalePriorities = stalePriorities;
		this.onceOnly = onceOnly;
	}

	@GetMapping("/staff/inbox")
	String inbox(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Long neighbourhood,
			@RequestParam(required = false) @Nullable String topic, Model model) {
		MessageInbox.Filter filter = new MessageInbox.Filter(parse(MessageStatus.class, status), neighbourhood,
				parse(Topic.class, topic));
		model.addAttribute("page", this.inbox.inbox(user, filter));
		model.addAttribute("stale", this.stalePriorities.of(user));
		model.addAttribute("filter", filter);
		model.addAttribute("statusChoices",
				Arrays.stream(MessageStatus.values()).map((s) -> new Choice(s.name(), s.label())).toList());
		model.addAttribute("topicChoices",
				Arrays.stream(Topic.values()).map((t) -> new Choice(t.name(), t.label())).toList());
		return "inbox/inbox";
	}

	@GetMapping("/staff/inbox/messages/{id}")
	String message(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		return show(user, id, model, List.of(), "", "", "");
	}

	@PostMapping("/staff/inbox/messages/{id}/reply")
	String reply(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String reply, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String idempotencyKey, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (reply.isBlank() || reply.length() > MAX_TEXT || !("FULL".equals(kind) || "HOLDING".equals(kind))) {
			List<FormError> errors = new java.util.ArrayList<>();
			if (reply.isBlank()) {
				errors.add(new FormError("reply", "Enter your reply"));
			}
			else if (reply.length() > MAX_TEXT) {
				errors.add(new FormError("reply", "Your reply must be 5,000 characters or fewer"));
			}
			if (!("FULL".equals(kind) || "HOLDING".equals(kind))) {
				errors.add(new FormError("kind", "Select whether this is a full reply or a holding reply"));
			}
			return show(user, id, model, errors, reply, "", kind == null ? "" : kind);
		}
		return unlessChangedMeanwhile(user, id, model, response, () -> {
			String sent = this.onceOnly.run(idempotencyKey, "/staff/inbox/messages/" + id + "/reply",
					List.of(reply.strip(), kind), user.id(), () -> {
						this.conversations.reply(user, id, reply.strip(), "FULL".equals(kind));
						return "redirect:/staff/inbox/messages/" + id;
					});
			redirect.addFlashAttribute("done", "FULL".equals(kind) ? "Your reply has been sent to the resident"
					: "Your holding reply has been sent. The response clock is still running");
			return sent;
		});
	}

	@PostMapping("/staff/inbox/messages/{id}/note")
	String note(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String note,
			@RequestParam(required = false) @Nullable String idempotencyKey, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (note.isBlank() || note.length() > MAX_TEXT) {
			return show(user, id, model,
					List.of(new FormError("note",
							note.isBlank() ? "Enter a note" : "Your note must be 5,000 characters or fewer")),
					"", note, "");
		}
		return unlessChangedMeanwhile(user, id, model, response, () -> {
			String added = this.onceOnly.run(idempotencyKey, "/staff/inbox/messages/" + id + "/note",
					List.of(note.strip()), user.id(), () -> {
						this.conversations.note(user, id, note.strip());
						return "redirect:/staff/inbox/messages/" + id;
					});
			redirect.addFlashAttribute("done", "Note added");
			return added;
		});
	}

	@PostMapping("/staff/inbox/messages/{id}/assign")
	String assign(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long assignee,
			@RequestParam(defaultValue = "/staff/inbox/messages/{id}") String back, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (assignee == null || this.conversations.teamFor(user, id).stream().noneMatch((p) -> p.id() == assignee)) {
			return show(user, id, model, List.of(new FormError("assignee", "Select who should deal with this message")),
					"", "", "");
		}
		return unlessChangedMeanwhile(user, id, model, response, () -> {
			this.conversations.assign(user, id, assignee);
			redirect.addFlashAttribute("done", "Message assigned");
			return "redirect:"
					+ ("/staff/supervisor".equals(back) ? "/staff/supervisor" : "/staff/inbox/messages/" + id);
		});
	}

	@PostMapping("/staff/inbox/messages/{id}/close")
	String close(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String outcome, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (outcome.isBlank() || outcome.length() > 1000) {
			return show(user, id, model,
					List.of(new FormError("outcome",
							outcome.isBlank() ? "Enter the outcome" : "The outcome must be 1,000 characters or fewer")),
					"", "", "");
		}
		return unlessChangedMeanwhile(user, id, model, response, () -> {
			this.conversations.close(user, id, outcome.strip());
			redirect.addFlashAttribute("done", "Message closed");
			return "redirect:/staff/inbox/messages/" + id;
		});
	}

	@PostMapping("/staff/inbox/messages/{id}/release")
	String release(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return unlessChangedMeanwhile(user, id, model, response, () -> {
			this.conversations.release(user, id);
			redirect.addFlashAttribute("done", "Message released: the resident has been sent an acknowledgement");
			return "redirect:/staff/inbox/messages/" + id;
		});
	}

	@GetMapping("/staff/supervisor")
	String supervisor(@AuthenticationPrincipal StaffUser user, Model model) {
		List<MessageInbox.Row> rows = this.inbox.needingAttention(user);
		model.addAttribute("rows", rows);
		model.addAttribute("byNeighbourhood",
				rows.stream()
					.collect(java.util.stream.Collectors.groupingBy(MessageInbox.Row::neighbourhood,
							java.util.TreeMap::new, java.util.stream.Collectors.toList())));
		model.addAttribute("teams",
				rows.stream()
					.collect(java.util.stream.Collectors.toMap(MessageInbox.Row::id,
							(row) -> this.conversations.teamFor(user, row.id()))));
		return "inbox/supervisor";
	}

	/**
	 * Does what the officer asked, unless the message changed since their page was shown
	 * (closed in another tab, erased on request): then the page again, saying why nothing
	 * was done.
	 */
	private String unlessChangedMeanwhile(StaffUser user, long id, Model model, HttpServletResponse response,
			Supplier<String> action) {
		try {
			return action.get();
		}
		catch (MessageChangedException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("refused", ex.reasonKey());
			return show(user, id, model, List.of(), "", "", "");
		}
	}

	private String show(StaffUser user, long id, Model model, List<FormError> errors, String reply, String note,
			String kind) {
		model.addAttribute("page", this.inbox.open(user, id));
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", uk.yourarea.web.FormErrors.byField(errors));
		model.addAttribute("reply", reply);
		model.addAttribute("note", note);
		model.addAttribute("kind", kind);
		model.addAttribute("replyKinds", REPLY_KINDS);
		return "inbox/message";
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

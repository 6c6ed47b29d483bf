package uk.yourarea.inbox;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.OnceOnly;

/**
 * The officers' inbox, one message's page with its actions, and the supervisors' view.
 */
@Controller
@OnceOnly.Forms
class InboxController {

	static final int MAX_TEXT = 5000;

	private final MessageInbox inbox;

	private final Conversations conversations;

	private final StalePriorities stalePriorities;

	private final OnceOnly onceOnly;

	private final MessageSource messages;

	InboxController(MessageInbox inbox, Conversations conversations, StalePriorities stalePriorities, OnceOnly onceOnly,
			MessageSource messages) {
		this.messages = messages;
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
				Arrays.stream(MessageStatus.values()).map((s) -> new Choice(s.name(), text(s.labelKey()))).toList());
		model.addAttribute("topicChoices",
				Arrays.stream(Topic.values()).map((t) -> new Choice(t.name(), text(t.labelKey()))).toList());
		return "inbox/inbox";
	}

	@GetMapping("/staff/inbox/messages/{id}")
	String message(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		return show(user, id, model, List.of(), "", "", "");
	}

	@PostMapping("/staff/inbox/messages/{id}/reply")
	String reply(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @Valid ReplyForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return show(user, id, model, FormErrors.inPageOrder(result, List.of("reply", "kind")),
					(form.reply() != null) ? form.reply() : "", "", (form.kind() != null) ? form.kind() : "");
		}
		return unlessChangedMeanwhile(user, id, model, response, () -> {
			String sent = this.onceOnly.run(form.idempotencyKey(), "/staff/inbox/messages/" + id + "/reply",
					List.of(form.text(), form.kind()), user.id(), () -> {
						this.conversations.reply(user, id, form.text(), form.isFull());
						return "redirect:/staff/inbox/messages/" + id;
					});
			redirect.addFlashAttribute("done", text(form.isFull() ? "inbox.reply.sent" : "inbox.reply.holding-sent"));
			return sent;
		});
	}

	@PostMapping("/staff/inbox/messages/{id}/note")
	String note(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @Valid NoteForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return show(user, id, model, FormErrors.inPageOrder(result, List.of("note")), "",
					(form.note() != null) ? form.note() : "", "");
		}
		return unlessChangedMeanwhile(user, id, model, response, () -> {
			String added = this.onceOnly.run(form.idempotencyKey(), "/staff/inbox/messages/" + id + "/note",
					List.of(form.text()), user.id(), () -> {
						this.conversations.note(user, id, form.text());
						return "redirect:/staff/inbox/messages/" + id;
					});
			redirect.addFlashAttribute("done", text("inbox.note.added"));
			return added;
		});
	}

	@PostMapping("/staff/inbox/messages/{id}/assign")
	String assign(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long assignee,
			@RequestParam(defaultValue = "/staff/inbox/messages/{id}") String back, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (assignee == null || this.conversations.teamFor(user, id).stream().noneMatch((p) -> p.id() == assignee)) {
			return show(user, id, model, List.of(new FormError("assignee", text("inbox.assign.required"))), "", "", "");
		}
		return unlessChangedMeanwhile(user, id, model, response, () -> {
			this.conversations.assign(user, id, assignee);
			redirect.addFlashAttribute("done", text("inbox.assigned"));
			return "redirect:"
					+ ("/staff/supervisor".equals(back) ? "/staff/supervisor" : "/staff/inbox/messages/" + id);
		});
	}

	@PostMapping("/staff/inbox/messages/{id}/close")
	String close(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @Valid CloseForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return show(user, id, model, FormErrors.inPageOrder(result, List.of("outcome")), "", "", "");
		}
		return unlessChangedMeanwhile(user, id, model, response, () -> {
			this.conversations.close(user, id, form.text());
			redirect.addFlashAttribute("done", text("inbox.closed"));
			return "redirect:/staff/inbox/messages/" + id;
		});
	}

	@PostMapping("/staff/inbox/messages/{id}/release")
	String release(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return unlessChangedMeanwhile(user, id, model, response, () -> {
			this.conversations.release(user, id);
			redirect.addFlashAttribute("done", text("inbox.released"));
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

	private String text(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	private String show(StaffUser user, long id, Model model, List<FormError> errors, String reply, String note,
			String kind) {
		model.addAttribute("page", this.inbox.open(user, id));
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("reply", reply);
		model.addAttribute("note", note);
		model.addAttribute("kind", kind);
		model.addAttribute("replyKinds", List.of(new Choice("FULL", text("inbox.reply.kind.full")),
				new Choice("HOLDING", text("inbox.reply.kind.holding"))));
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

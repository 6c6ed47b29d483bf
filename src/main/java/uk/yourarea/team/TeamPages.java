package uk.yourarea.team;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import uk.yourarea.audit.EditConflict;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.FormPage;

/**
 * The team editing pages as shown, first or again with what was typed and its problems:
 * what each needs besides the form, and the team pages' wording from the bundle.
 */
@Component
final class TeamPages {

	static final String NO_NAMED_OFFICER = "none";

	private final MessageSource messages;

	TeamPages(MessageSource messages) {
		this.messages = messages;
	}

	/** The bundle's {@code team.*} text with these arguments, in the reader's locale. */
	String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	/** Words of the bundle given with their arguments, like a member's titled name. */
	String text(MessageSourceResolvable words) {
		return this.messages.getMessage(words, LocaleContextHolder.getLocale());
	}

	static String base(long neighbourhoodId) {
		return "/staff/neighbourhoods/" + neighbourhoodId + "/team";
	}

	/** "Someone else changed" a member, for the pages that have no form to compare. */
	String changedMessage(TeamMember current) {
		return text("team.changed-elsewhere", current.getTitledName());
	}

	String memberForm(Model model, NeighbourhoodSummary neighbourhood, @Nullable TeamMember member, TeamMemberForm form,
			List<FormError> errors, @Nullable EditConflict conflict) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("member", member);
		model.addAttribute("heading", (member == null) ? text("team.member.heading.add")
				: text("team.member.heading.change", member.getTitledName()));
		model.addAttribute("roles",
				Arrays.stream(Role.values()).map((role) -> new Choice(role.name(), text(role.titleKey()))).toList());
		return FormPage.show(model, "team/member-form", form, errors, conflict);
	}

	static String move(Model model, NeighbourhoodSummary neighbourhood, List<NeighbourhoodSummary> choices,
			TeamMember member, @Nullable String selected, long version, List<FormError> errors) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("member", member);
		model.addAttribute("choices", choices.stream().filter((n) -> n.id() != neighbourhood.id()).toList());
		model.addAttribute("selected", selected);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "team/move";
	}

	static String remove(Model model, NeighbourhoodSummary neighbourhood, TeamMember member, List<FormError> errors) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("member", member);
		model.addAttribute("errors", errors);
		return "team/remove";
	}

	String namedOfficer(Model model, NeighbourhoodSummary neighbourhood, List<TeamMember> members,
			@Nullable String selected, boolean confirmed, List<FormError> errors) {
		List<Choice> choices = new ArrayList<>();
		members.stream()
			.filter((member) -> member.getRole().canBeNamedOfficer())
			.forEach((member) -> choices.add(new Choice(member.getId().toString(), text(member.getTitledName()))));
		choices.add(new Choice(NO_NAMED_OFFICER, text("team.named-officer.none")));
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("choices", choices);
		model.addAttribute("others",
				members.stream().filter((member) -> !member.getRole().canBeNamedOfficer()).toList());
		model.addAttribute("selected", selected);
		model.addAttribute("confirmed", confirmed);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "team/named-officer";
	}

	static String photo(Model model, NeighbourhoodSummary neighbourhood, TeamMember member, PhotoForm form,
			List<FormError> errors, @Nullable EditConflict conflict) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("member", member);
		model.addAttribute("maxMegabytes", PhotoChecks.MAX_BYTES / (1024 * 1024));
		if (conflict != null) {
			model.addAttribute("conflict", conflict);
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "team/photo";
	}

}

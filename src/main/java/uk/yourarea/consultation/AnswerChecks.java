package uk.yourarea.consultation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.Languages;

/**
 * The checks on a "Have your say" answer that need more than the form: the consultation's
 * issues as they are now, and where the postcode is.
 */
@Component
class AnswerChecks {

	/** A neighbourhood a postcode turned out to be in, to send the person there. */
	record Elsewhere(String name, String slug) {
	}

	/**
	 * What is wrong with an answer, in the order of the page's fields.
	 *
	 * @param elsewhere the neighbourhood the postcode is in, when it is another one
	 */
	record Checked(List<FormError> errors, @Nullable Elsewhere elsewhere) {
	}

	private final PostcodeLookup postcodes;

	private final NeighbourhoodDirectory neighbourhoods;

	private final MessageSource messages;

	AnswerChecks(PostcodeLookup postcodes, NeighbourhoodDirectory neighbourhoods, MessageSource messages) {
		this.postcodes = postcodes;
		this.neighbourhoods = neighbourhoods;
		this.messages = messages;
	}

	Checked check(HaveYourSayForm form, BindingResult result, Consultation consultation,
			NeighbourhoodSummary neighbourhood) {
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, HaveYourSayForm.FIELD_ORDER));
		if (!hasError(errors, "issues")) {
			if (form.chosenIssues().stream().anyMatch((id) -> !consultation.hasIssue(id))
					|| (form.consultationId() != null && !form.consultationId().equals(consultation.getId()))) {
				errors.add(new FormError("issues", text("consultation.have-your-say.issues.changed")));
			}
			else if (form.chosenIssues().isEmpty() && form.ownConcern() == null) {
				errors.add(new FormError("issues", text("consultation.have-your-say.issues.none")));
			}
		}
		Elsewhere elsewhere = null;
		if (!hasError(errors, "postcode") && form.postcode() != null) {
			Checked postcode = checkPostcode(form.postcode(), neighbourhood);
			errors.addAll(postcode.errors());
			elsewhere = postcode.elsewhere();
		}
		errors.sort(Comparator.comparingInt((FormError error) -> HaveYourSayForm.FIELD_ORDER.indexOf(error.field())));
		return new Checked(errors, elsewhere);
	}

	private Checked checkPostcode(String typed, NeighbourhoodSummary neighbourhood) {
		Optional<Postcode> parsed = Postcode.parse(typed.strip());
		if (parsed.isEmpty()) {
			return problem("consultation.have-your-say.postcode.invalid", null);
		}
		Postcode postcode = parsed.get();
		PostcodeLookup.Result found = this.postcodes.find(postcode);
		if (found instanceof PostcodeLookup.Result.InNeighbourhood in) {
			if (in.neighbourhoodId() == neighbourhood.id()) {
				return new Checked(List.of(), null);
			}
			NeighbourhoodSummary other = this.neighbourhoods.byId(in.neighbourhoodId(), Languages.current())
				.orElse(null);
			if (other != null) {
				return problem("consultation.have-your-say.postcode.elsewhere",
						new Elsewhere(other.name(), other.slug()), postcode.value(), other.name(),
						neighbourhood.name());
			}
		}
		if (found instanceof PostcodeLookup.Result.Terminated) {
			return problem("consultation.have-your-say.postcode.terminated", null, postcode.value());
		}
		return problem("consultation.have-your-say.postcode.outside", null, postcode.value(), neighbourhood.name());
	}

	private Checked problem(String key, @Nullable Elsewhere elsewhere, Object... arguments) {
		return new Checked(List.of(new FormError("postcode", text(key, arguments))), elsewhere);
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Languages.current());
	}

	private static boolean hasError(List<FormError> errors, String field) {
		return errors.stream().anyMatch((error) -> error.field().equals(field));
	}

}

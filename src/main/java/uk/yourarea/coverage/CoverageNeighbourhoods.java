package uk.yourarea.coverage;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;

/**
 * The neighbourhoods postcodes can be given to, as coverage needs them: their ids, codes
 * and names, asked of the neighbourhood feature.
 */
@Component
class CoverageNeighbourhoods {

	/**
	 * A neighbourhood as coverage pages show it; {@code value} and {@code label} for
	 * lists.
	 */
	record Choice(long id, String code, String name) {

		public String value() {
			return Long.toString(this.id);
		}

		public String label() {
			return this.name + " (" + this.code + ")";
		}

	}

	private static final Comparator<Choice> BY_NAME = Comparator.comparing(Choice::name).thenComparing(Choice::code);

	private final NeighbourhoodDirectory neighbourhoods;

	CoverageNeighbourhoods(NeighbourhoodDirectory neighbourhoods) {
		this.neighbourhoods = neighbourhoods;
	}

	/** The live neighbourhoods, by name. */
	@Transactional(readOnly = true)
	List<Choice> all() {
		return this.neighbourhoods.all()
			.stream()
			.filter((neighbourhood) -> !neighbourhood.retired())
			.map(CoverageNeighbourhoods::choice)
			.sorted(BY_NAME)
			.toList();
	}

	/** Every neighbourhood, live or retired, by name. */
	@Transactional(readOnly = true)
	List<Choice> allIncludingRetired() {
		return this.neighbourhoods.all().stream().map(CoverageNeighbourhoods::choice).sorted(BY_NAME).toList();
	}

	/** A neighbourhood, live or retired. */
	@Transactional(readOnly = true)
	Optional<Choice> find(long id) {
		return this.neighbourhoods.byId(id).map(CoverageNeighbourhoods::choice);
	}

	Map<Long, Choice> byId() {
		return all().stream().collect(Collectors.toMap(Choice::id, Function.identity()));
	}

	@Transactional(readOnly = true)
	Set<Long> liveIds() {
		return all().stream().map(Choice::id).collect(Collectors.toSet());
	}

	/** Every neighbourhood, live or retired, by id: for naming both ends of a move. */
	Map<Long, Choice> byIdIncludingRetired() {
		return allIncludingRetired().stream().collect(Collectors.toMap(Choice::id, Function.identity()));
	}

	/**
	 * A neighbourhood's name for records and previews, or {@code null} for none (the page
	 * says "No neighbourhood" in the words of the bundle); one not found shows its id.
	 */
	static @Nullable String nameOf(@Nullable Long id, Map<Long, Choice> names) {
		if (id == null) {
			return null;
		}
		Choice choice = names.get(id);
		return (choice != null) ? choice.name() : "#" + id;
	}

	private static Choice choice(NeighbourhoodSummary neighbourhood) {
		return new Choice(neighbourhood.id(), neighbourhood.code(), neighbourhood.name());
	}

	/**
	 * The neighbourhood named by the first of these words that names one: a code ("NC04")
	 * or a name ("City Centre"), ignoring case, accents, HTML-escaped ampersands and
	 * spacing.
	 */
	static Optional<Choice> match(List<String> names, List<Choice> neighbourhoods) {
		for (String name : names) {
			String wanted = simple(name);
			for (Choice choice : neighbourhoods) {
				if (simple(choice.code()).equals(wanted)) {
					return Optional.of(choice);
				}
			}
			for (Choice choice : neighbourhoods) {
				if (simple(choice.name()).equals(wanted)) {
					return Optional.of(choice);
				}
			}
		}
		return Optional.empty();
	}

	private static String simple(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String plain = Normalizer.normalize(text.replace("&amp;", "&"), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return plain.replaceAll("[\\s\\u00A0]+", " ").strip().toLowerCase(Locale.ROOT);
	}

}

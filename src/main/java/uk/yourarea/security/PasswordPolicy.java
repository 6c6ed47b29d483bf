package uk.yourarea.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.Languages;
import uk.yourarea.web.SiteProperties;

/**
 * What a staff password must be, as NIST SP 800-63B and OWASP ASVS 5.0 ask: at least 8
 * characters, long passphrases welcome (up to {@value #MAXIMUM_LENGTH} characters, none
 * cut off), no rules about capitals, digits or symbols, and nothing easy to guess.
 * <p>
 * "Easy to guess" is decided with zxcvbn (zxcvbn4j), whose lists come from real leaks and
 * real text: 30,000 of the commonest leaked passwords, 30,000 English words, 19,000 from
 * film and television, and common first names and surnames. A password is refused when
 * <ul>
 * <li>zxcvbn estimates it falls to fewer than {@link #MINIMUM_GUESSES} guesses (its score
 * 3, "safely unguessable", starts there; eight characters with no pattern in them reach
 * it): a common or leaked password, a dictionary word with a year, a keyboard row, a
 * repeat or a sequence. The force's name, the site's name, words such as "police", and
 * the person's own name and email address are given to zxcvbn as words an attacker would
 * try first;</li>
 * <li>its letters, once digits and symbols around them are dropped and look-alike
 * substitutions undone, are a single word of those lists ("Spring2026!",
 * "P@ssw0rd1");</li>
 * <li>or its letters are nothing but the force's name, "police" and the like, or the
 * person's own name or email address ("Leicestershire Police 2026", "Sam.Example!"),
 * however they are spaced.</li>
 * </ul>
 * zxcvbn's lists load the first time a password is checked (about 7 MB, kept after).
 */
@Component
public class PasswordPolicy {

	public static final int MINIMUM_LENGTH = 8;

	public static final int MAXIMUM_LENGTH = 256;

	/**
	 * zxcvbn's estimate of the guesses an attacker needs, below which a password is
	 * refused: ten to the eighth, where zxcvbn's score 3 starts.
	 */
	static final double MINIMUM_GUESSES = 1e8;

	/**
	 * zxcvbn measures at most this many characters: its matching takes time that grows
	 * faster than the square of the length (seconds for 256 characters of digits and
	 * symbols). More characters only add to a password's strength, so the first 64 are a
	 * fair lower bound for the whole.
	 */
	static final int MEASURED_LENGTH = 64;

	static final String BLANK = "security.password.error.blank";

	static final String TOO_SHORT = "security.password.error.too-short";

	static final String TOO_LONG = "security.password.error.too-long";

	static final String TOO_EASY = "security.password.error.too-easy";

	/**
	 * Words anyone would try against a police force's staff sign-in, besides the force's
	 * and the site's own names.
	 */
	static final List<String> ALWAYS_GUESSABLE = List.of("police", "policing", "constable", "sergeant", "inspector",
			"officer", "staff", "admin", "administrator", "neighbourhood", "neighborhood", "yourarea");

	private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]+");

	private static final Pattern LEADING_OR_TRAILING_NON_LETTERS = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");

	/** The shortest run of letters checked as a word of zxcvbn's lists on its own. */
	private static final int SHORTEST_WORD = 3;

	private final Set<String> contextWords;

	private final MessageSource messages;

	@Autowired
	PasswordPolicy(ForceProperties force, SiteProperties site, MessageSource messages) {
		this(List.of(force.name(), force.shortName(), site.serviceName(), force.nameIn(Languages.WELSH),
				force.shortNameIn(Languages.WELSH), site.serviceNameIn(Languages.WELSH)), messages);
	}

	/**
	 * @param context the force's and the site's names (in Welsh too), whose words make
	 * guessable passwords for every account
	 * @param messages where the messages come from (messages.properties)
	 */
	PasswordPolicy(Collection<String> context, MessageSource messages) {
		this.messages = messages;
		this.contextWords = new LinkedHashSet<>(ALWAYS_GUESSABLE);
		context.forEach((phrase) -> {
			this.contextWords.addAll(wordsOf(phrase));
			this.contextWords.add(squashed(phrase));
		});
		this.contextWords.removeIf((word) -> word.length() < SHORTEST_WORD);
	}

	/**
	 * Checks a password someone chose.
	 * @param password what they typed
	 * @param personal things about the account holder that make a password guessable:
	 * their name and email address
	 * @return the problem in GOV.UK wording, or empty when the password is acceptable
	 */
	public Optional<String> problemWith(@Nullable String password, @Nullable String... personal) {
		if (password == null || password.isEmpty()) {
			return Optional.of(message(BLANK));
		}
		int length = password.codePointCount(0, password.length());
		if (length < MINIMUM_LENGTH) {
			return Optional.of(message(TOO_SHORT, MINIMUM_LENGTH));
		}
		if (length > MAXIMUM_LENGTH) {
			return Optional.of(message(TOO_LONG, MAXIMUM_LENGTH));
		}
		if (isGuessable(password, personal)) {
			return Optional.of(message(TOO_EASY));
		}
		return Optional.empty();
	}

	boolean isGuessable(String password, @Nullable String... personal) {
		String lower = password.strip().toLowerCase(Locale.ROOT);
		Set<String> words = new LinkedHashSet<>(this.contextWords);
		List<String> userInputs = new ArrayList<>();
		for (String phrase : personal) {
			if (phrase != null && !phrase.isBlank()) {
				String phraseLower = phrase.strip().toLowerCase(Locale.ROOT);
				words.addAll(wordsOf(phraseLower));
				words.add(squashed(phraseLower));
				userInputs.add(phraseLower);
				int at = phraseLower.indexOf('@');
				if (at > 0) {
					userInputs.add(phraseLower.substring(0, at));
				}
			}
		}
		words.removeIf((word) -> word.length() < SHORTEST_WORD);
		userInputs.addAll(words);
		Lists lists = lists();
		for (String core : cores(lower)) {
			if (isMadeOf(core, words) || (core.length() >= SHORTEST_WORD && lists.isOneWord(core))) {
				return true;
			}
		}
		return guesses(password, userInputs) < MINIMUM_GUESSES;
	}

	/**
	 * zxcvbn's estimate of how many guesses the password (its first
	 * {@value #MEASURED_LENGTH} characters) would take.
	 */
	double guesses(String password, List<String> userInputs) {
		String measured = password;
		if (password.codePointCount(0, password.length()) > MEASURED_LENGTH) {
			measured = password.substring(0, password.offsetByCodePoints(0, MEASURED_LENGTH));
		}
		Strength strength = lists().zxcvbn.measure(measured, userInputs);
		double guesses = strength.getGuesses();
		strength.wipe();
		return guesses;
	}

	/**
	 * The letters at the heart of a password: digits and symbols around it dropped, and
	 * common look-alike substitutions undone ("P@ssw0rd1" gives "password").
	 */
	static List<String> cores(String lower) {
		List<String> cores = new ArrayList<>();
		String trimmed = LEADING_OR_TRAILING_NON_LETTERS.matcher(lower).replaceAll("");
		cores.add(NOT_A_LETTER.matcher(undoSubstitutions(trimmed)).replaceAll(""));
		cores.add(NOT_A_LETTER.matcher(lower).replaceAll(""));
		cores.add(NOT_A_LETTER.matcher(undoSubstitutions(lower)).replaceAll(""));
		cores.removeIf(String::isEmpty);
		return cores;
	}

	private static String undoSubstitutions(String text) {
		StringBuilder plain = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			plain.append(switch (c) {
				case '@', '4' -> 'a';
				case '0' -> 'o';
				case '1', '!' -> 'i';
				case '3' -> 'e';
				case '$', '5' -> 's';
				case '7' -> 't';
				default -> c;
			});
		}
		return plain.toString();
	}

	/** Whether the text is nothing but the given words, each used any number of times. */
	static boolean isMadeOf(String text, Collection<String> words) {
		if (text.isEmpty()) {
			return false;
		}
		boolean[] reachable = new boolean[text.length() + 1];
		reachable[0] = true;
		for (int start = 0; start < text.length(); start++) {
			if (!reachable[start]) {
				continue;
			}
			for (String word : words) {
				if (!word.isEmpty() && text.startsWith(word, start)) {
					reachable[start + word.length()] = true;
				}
			}
		}
		return reachable[text.length()];
	}

	private static List<String> wordsOf(@Nullable String phrase) {
		if (phrase == null) {
			return List.of();
		}
		List<String> words = new ArrayList<>();
		for (String word : NOT_A_LETTER.split(phrase.toLowerCase(Locale.ROOT))) {
			if (word.length() >= SHORTEST_WORD) {
				words.add(word);
			}
		}
		return words;
	}

	private static String squashed(String phrase) {
		return NOT_A_LETTER.matcher(phrase.toLowerCase(Locale.ROOT)).replaceAll("");
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.UK);
	}

	private static Lists lists() {
		return Lists.LOADED;
	}

	/**
	 * zxcvbn with its lists, loaded when a password is first checked (the JVM loads this
	 * class then, once).
	 */
	private static final class Lists {

		static final Lists LOADED = load();

		private final Zxcvbn zxcvbn;

		private final List<Map<String, Integer>> words;

		private Lists(List<Dictionary> dictionaries) throws IOException {
			this.zxcvbn = new ZxcvbnBuilder().dictionaries(dictionaries)
				.keyboards(StandardKeyboards.loadAllKeyboards())
				.build();
			this.words = dictionaries.stream().map(Dictionary::getRankedDictionary).toList();
		}

		static Lists load() {
			try {
				return new Lists(StandardDictionaries.loadAllDictionaries());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not load zxcvbn's password lists", ex);
			}
		}

		/**
		 * Whether the letters are one entry of a list: a common password, an English
		 * word, a name or a word from film and television.
		 */
		boolean isOneWord(String letters) {
			return this.words.stream().anyMatch((list) -> list.containsKey(letters));
		}

	}

}

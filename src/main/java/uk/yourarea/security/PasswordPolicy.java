package uk.yourarea.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.SiteProperties;

/**
 * What a staff password must be, as NIST SP 800-63B and OWASP ASVS 5.0 ask: at least 8
 * characters, long passphrases welcome (up to {@value #MAXIMUM_LENGTH} characters, none
 * cut off), no rules about capitals, digits or symbols, and nothing easy to guess: not
 * one of the common passwords listed in {@code security/common-passwords.txt}, and not
 * made only of the force's name, "police" and the like, or the person's own name or email
 * address, whatever digits and symbols are added around them ("Leicestershire1",
 * "Police123!", "P@ssw0rd1").
 */
@Component
public class PasswordPolicy {

	public static final int MINIMUM_LENGTH = 8;

	public static final int MAXIMUM_LENGTH = 256;

	static final String TOO_SHORT = "Password must be " + MINIMUM_LENGTH + " characters or more";

	static final String TOO_LONG = "Password must be " + MAXIMUM_LENGTH + " characters or fewer";

	static final String TOO_EASY = "Choose a password that is harder to guess";

	static final String COMMON_PASSWORDS = "security/common-passwords.txt";

	/** Words anyone would try against a police force's staff sign-in. */
	static final List<String> ALWAYS_GUESSABLE = List.of("police", "policing", "constable", "sergeant", "inspector",
			"officer", "staff", "admin", "administrator", "neighbourhood", "neighborhood", "yourarea", "welcome",
			"password", "letmein", "changeme");

	private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]+");

	private static final Pattern LEADING_OR_TRAILING_NON_LETTERS = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");

	private final Set<String> common;

	private final Set<String> contextWords;

	@Autowired
	PasswordPolicy(ForceProperties force, SiteProperties site) {
		this(readCommonPasswords(), List.of(force.name(), force.shortName(), site.serviceName()));
	}

	PasswordPolicy(Collection<String> commonPasswords, Collection<String> context) {
		this.common = new HashSet<>();
		commonPasswords.forEach((password) -> this.common.add(password.toLowerCase(Locale.ROOT)));
		this.contextWords = new LinkedHashSet<>(ALWAYS_GUESSABLE);
		context.forEach((phrase) -> this.contextWords.addAll(wordsOf(phrase)));
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
			return Optional.of("Enter a password");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MINIMUM_LENGTH) {
			return Optional.of(TOO_SHORT);
		}
		if (length > MAXIMUM_LENGTH) {
			return Optional.of(TOO_LONG);
		}
		if (isGuessable(password, personal)) {
			return Optional.of(TOO_EASY);
		}
		return Optional.empty();
	}

	boolean isGuessable(String password, @Nullable String... personal) {
		String lower = password.strip().toLowerCase(Locale.ROOT);
		if (this.common.contains(lower) || lower.codePoints().distinct().count() == 1) {
			return true;
		}
		Set<String> words = new LinkedHashSet<>(this.contextWords);
		for (String phrase : personal) {
			if (phrase != null) {
				words.addAll(wordsOf(phrase));
				words.add(NOT_A_LETTER.matcher(phrase.toLowerCase(Locale.ROOT)).replaceAll(""));
			}
		}
		words.removeIf((word) -> word.length() < 3);
		for (String core : cores(lower)) {
			if (this.common.contains(core) || isMadeOf(core, words)) {
				return true;
			}
		}
		return false;
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
			if (word.length() >= 3) {
				words.add(word);
			}
		}
		return words;
	}

	static List<String> readCommonPasswords() {
		List<String> passwords = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource(COMMON_PASSWORDS).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String password = line.strip();
				if (!password.isEmpty() && !password.startsWith("#")) {
					passwords.add(password);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + COMMON_PASSWORDS, ex);
		}
		return passwords;
	}

}

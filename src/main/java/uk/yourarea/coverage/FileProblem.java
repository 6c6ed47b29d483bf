package uk.yourarea.coverage;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Why an uploaded postcode or boundary file cannot be used, as a key of staff.properties
 * and its arguments, for the code that reads files without the bundle at hand: whoever
 * shows it says it in the bundle's words (a {@code MessageSource} resolves it, and any
 * argument that is words of its own, like where in the file). Its message, for the log,
 * is the key and the arguments.
 */
final class FileProblem extends IllegalArgumentException implements MessageSourceResolvable {

	private final String key;

	private final Object[] arguments;

	FileProblem(String key, Object... arguments) {
		super(key + Arrays.deepToString(arguments));
		this.key = key;
		this.arguments = arguments.clone();
	}

	FileProblem(Throwable cause, String key, Object... arguments) {
		this(key, arguments);
		initCause(cause);
	}

	/**
	 * Words of staff.properties with their arguments, for an argument of a problem or the
	 * name of a boundary in a file.
	 */
	static MessageSourceResolvable words(String key, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { key }, arguments.clone());
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.key };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

	@Override
	public @Nullable String getDefaultMessage() {
		return null;
	}

}

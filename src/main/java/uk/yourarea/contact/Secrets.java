package uk.yourarea.contact;

import java.security.SecureRandom;

/**
 * The reference residents are given to quote: short, random, not a credential. (The
 * private link's token is a {@link uk.yourarea.web.LinkTokens}.)
 */
final class Secrets {

	/** No 0/O, 1/I/L or U: a reference is read out over the phone. */
	private static final char[] REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** Like YA-7K3M-Q9P2: about 39 bits, random, never sequential. */
	static String newReference() {
		StringBuilder reference = new StringBuilder("YA-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				reference.append('-');
			}
			reference.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
		}
		return reference.toString();
	}

}

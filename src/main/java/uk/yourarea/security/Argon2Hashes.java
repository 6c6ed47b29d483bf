package uk.yourarea.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2 hashes in exactly the form of Spring Security's {@code Argon2PasswordEncoder}
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded Base64), so that each
 * reads the other's, but with the memory of the hashes taken from a pool
 * ({@link PasswordHashingMemory}). Spring's encoder allocates 19 MiB afresh for every
 * hash, which lives just long enough to be copied by the garbage collector: at
 * {@code -Xmx256m}, a burst of sign-ins kept it collecting in pauses of up to 0.8 s,
 * holding up every page (docs/benchmarks.md).
 */
final class Argon2Hashes implements PasswordEncoder {

	private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

	private final SecureRandom random = new SecureRandom();

	private final int saltLength;

	private final int hashLength;

	private final int parallelism;

	private final int memory;

	private final int iterations;

	private final BlockPool pool;

	Argon2Hashes(int saltLength, int hashLength, int parallelism, int memory, int iterations, BlockPool pool) {
		this.saltLength = saltLength;
		this.hashLength = hashLength;
		this.parallelism = parallelism;
		this.memory = memory;
		this.iterations = iterations;
		this.pool = pool;
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		if (rawPassword == null) {
			return null;
		}
		byte[] salt = new byte[this.saltLength];
		this.random.nextBytes(salt);
		Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withSalt(salt)
			.withParallelism(this.parallelism)
			.withMemoryAsKB(this.memory)
			.withIterations(this.iterations)
			.withBlockPool(this.pool)
			.build();
		byte[] hash = hash(rawPassword, parameters, this.hashLength);
		return "$argon2id$v=" + parameters.getVersion() + "$m=" + this.memory + ",t=" + this.iterations + ",p="
				+ this.parallelism + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		Decoded decoded = Decoded.of(encodedPassword, this.pool);
		if (decoded == null) {
			return false;
		}
		byte[] hash = hash(rawPassword, decoded.parameters(), decoded.hash().length);
		return MessageDigest.isEqual(hash, decoded.hash());
	}

	/** A hash made with less memory or fewer iterations than now is replaced. */
	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		Decoded decoded = (encodedPassword != null) ? Decoded.of(encodedPassword, this.pool) : null;
		return decoded != null && (decoded.parameters().getMemory() < this.memory
				|| decoded.parameters().getIterations() < this.iterations);
	}

	private static byte[] hash(CharSequence rawPassword, Argon2Parameters parameters, int length) {
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] hash = new byte[length];
		generator.generateBytes(rawPassword.toString().toCharArray(), hash);
		return hash;
	}

	/** A stored hash: its parameters (with its salt) and the hash itself. */
	private record Decoded(Argon2Parameters parameters, byte[] hash) {

		static @Nullable Decoded of(String encoded, BlockPool pool) {
			String[] parts = encoded.split("\\$");
			if (parts.length < 5 || !parts[0].isEmpty()) {
				return null;
			}
			Argon2Parameters.Builder builder = switch (parts[1]) {
				case "argon2id" -> new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id);
				case "argon2i" -> new Argon2Parameters.Builder(Argon2Parameters.ARGON2_i);
				case "argon2d" -> new Argon2Parameters.Builder(Argon2Parameters.ARGON2_d);
				default -> null;
			};
			if (builder == null) {
				return null;
			}
			int next = 2;
			try {
				if (parts[next].startsWith("v=")) {
					builder.withVersion(Integer.parseInt(parts[next].substring(2)));
					next++;
				}
				if (parts.length != next + 3) {
					return null;
				}
				for (String setting : parts[next].split(",")) {
					String[] nameValue = setting.split("=", 2);
					int value = Integer.parseInt(nameValue[1]);
					switch (nameValue[0]) {
						case "m" -> builder.withMemoryAsKB(value);
						case "t" -> builder.withIterations(value);
						case "p" -> builder.withParallelism(value);
						default -> {
							return null;
						}
					}
				}
				byte[] salt = Base64.getDecoder().decode(parts[next + 1]);
				byte[] hash = Base64.getDecoder().decode(parts[next + 2]);
				return new Decoded(builder.withSalt(salt).withBlockPool(pool).build(), hash);
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
				return null;
			}
		}

	}

}

package uk.yourarea.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The data files tests read, found on the classpath: the test data under
 * {@code src/test/resources/data} and the demo's own files. Nothing outside the
 * repository is ever read.
 */
public final class TestFiles {

	private TestFiles() {
	}

	/**
	 * The file at a classpath location such as
	 * {@code data/police-api/NC04-boundary.json}, failing (never skipping) when it is
	 * missing.
	 */
	public static Path path(String location) {
		URL url = TestFiles.class.getClassLoader().getResource(location);
		if (url == null) {
			throw new IllegalStateException("Test data " + location + " is not on the classpath");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] bytes(String location) {
		try {
			return Files.readAllBytes(path(location));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String text(String location) {
		return new String(bytes(location), StandardCharsets.UTF_8);
	}

	/** The lines of a text file, gunzipped first when its name ends in {@code .gz}. */
	public static List<String> lines(String location) {
		try (InputStream in = Files.newInputStream(path(location));
				InputStream text = location.endsWith(".gz") ? new GZIPInputStream(in) : in) {
			return new String(text.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

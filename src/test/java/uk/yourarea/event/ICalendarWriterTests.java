package uk.yourarea.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarWriterTests {

	@Test
	void endsEveryLineWithCrlf() {
		String text = new ICalendarWriter().begin("VCALENDAR").raw("VERSION", "2.0").end("VCALENDAR").toString();

		assertThat(text).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
	}

	@Test
	void escapesCommasSemicolonsBackslashesAndLineBreaks() {
		assertThat(ICalendarWriter.escape("Tea, cake; and a \\ backslash"))
			.isEqualTo("Tea\\, cake\\; and a \\\\ backslash");
		assertThat(ICalendarWriter.escape("one\r\ntwo\nthree\rfour")).isEqualTo("one\\ntwo\\nthree\\nfour");
		assertThat(ICalendarWriter.escape("bell\u0007")).isEqualTo("bell");
	}

	@Test
	void writesTextPropertiesEscaped() {
		String text = new ICalendarWriter().text("LOCATION", "Hall, Long Street; Wigston").toString();

		assertThat(text).isEqualTo("LOCATION:Hall\\, Long Street\\; Wigston\r\n");
	}

	@Test
	void leavesALineOf75OctetsAlone() {
		String line = "X".repeat(75);

		assertThat(ICalendarWriter.fold(line)).isEqualTo(line + "\r\n");
	}

	@Test
	void foldsLongLinesAt75OctetsWithASpaceOnEachContinuation() {
		String line = "DESCRIPTION:" + "abcdefghij".repeat(20);

		String folded = ICalendarWriter.fold(line);

		String[] lines = folded.split("\r\n", -1);
		assertThat(lines[lines.length - 1]).isEmpty();
		assertThat(lines[0]).hasSize(75);
		for (int i = 1; i < lines.length - 1; i++) {
			assertThat(lines[i]).startsWith(" ");
			assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
		}
		assertThat(lines[1]).hasSize(75);
		assertThat(unfold(folded)).isEqualTo(line);
	}

	@Test
	void neverSplitsAMultiByteCharacter() {
		// "é" is two octets and the emoji four: wherever the fold falls, it must fall
		// between characters.
		for (int offset = 0; offset < 4; offset++) {
			String line = "SUMMARY:" + "x".repeat(offset) + "café 🚓 ".repeat(30);

			String folded = ICalendarWriter.fold(line);

			for (String physical : folded.split("\r\n")) {
				byte[] octets = physical.getBytes(StandardCharsets.UTF_8);
				assertThat(octets.length).isLessThanOrEqualTo(75);
				assertThat(new String(octets, StandardCharsets.UTF_8)).isEqualTo(physical);
				assertThat(physical).doesNotContain("\uFFFD");
				assertThat(Character.isLowSurrogate(physical.isEmpty() ? 'x' : physical.charAt(0))).isFalse();
			}
			assertThat(unfold(folded)).isEqualTo(line);
		}
	}

	@Test
	void writesTimesInUtc() {
		String text = new ICalendarWriter().utc("DTSTART", Instant.parse("2026-07-01T17:30:00Z")).toString();

		assertThat(text).isEqualTo("DTSTART:20260701T173000Z\r\n");
	}

	private static String unfold(String text) {
		return text.replace("\r\n ", "").replaceAll("\r\n$", "");
	}

}

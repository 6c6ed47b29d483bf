package uk.yourarea.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFileTests {

	@Test
	void endsEveryRecordWithCrLfAndQuotesOnlyWhatNeedsIt() {
		String csv = new CsvFile().row(List.of("Answer", "Issues chosen"))
			.row(List.of("1", "Speeding; Burglary"))
			.row(List.of("2", "Parking, by the school"))
			.toString();

		assertThat(csv).isEqualTo("Answer,Issues chosen\r\n1,Speeding; Burglary\r\n2,\"Parking, by the school\"\r\n");
	}

	@Test
	void doublesQuotesAndKeepsLineBreaksInsideAQuotedField() {
		assertThat(CsvFile.field("They said \"slow down\"")).isEqualTo("\"They said \"\"slow down\"\"\"");
		assertThat(CsvFile.field("line one\nline two")).isEqualTo("\"line one\nline two\"");
	}

	@Test
	void defusesEverythingASpreadsheetWouldReadAsAFormula() {
		assertThat(CsvFile.field("=HYPERLINK(\"http://evil.example\")"))
			.isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
		assertThat(CsvFile.field("+1")).isEqualTo("'+1");
		assertThat(CsvFile.field("-2+3")).isEqualTo("'-2+3");
		assertThat(CsvFile.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvFile.field("\tcmd")).isEqualTo("'\tcmd");
		assertThat(CsvFile.field("Speeding = danger")).isEqualTo("Speeding = danger");
		assertThat(CsvFile.field("")).isEmpty();
	}

	@Test
	void separatesCellsWithCommasAndEndsLinesWithCrLf() {
		assertThat(new CsvFile().row("NA54", "Wigston", "yes").row("NA55", "Oadby", "no").toString())
			.isEqualTo("NA54,Wigston,yes\r\nNA55,Oadby,no\r\n");
	}

	@Test
	void quotesCellsWithCommasQuotesAndLineBreaks() {
		assertThat(new CsvFile().row("Enderby, Narborough", "The \"Fosse\"", "two\nlines").toString())
			.isEqualTo("\"Enderby, Narborough\",\"The \"\"Fosse\"\"\",\"two\nlines\"\r\n");
	}

	@Test
	void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
		assertThat(new CsvFile().row("=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "ok").toString())
			.isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-1,'@SUM(A1),ok\r\n");
	}

}

package uk.yourarea.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void separatesCellsWithCommasAndEndsLinesWithCrLf() {
		assertThat(new Csv().line("NA54", "Wigston", "yes").line("NA55", "Oadby", "no").toString())
			.isEqualTo("NA54,Wigston,yes\r\nNA55,Oadby,no\r\n");
	}

	@Test
	void quotesCellsWithCommasQuotesAndLineBreaks() {
		assertThat(new Csv().line("Enderby, Narborough", "The \"Fosse\"", "two\nlines").toString())
			.isEqualTo("\"Enderby, Narborough\",\"The \"\"Fosse\"\"\",\"two\nlines\"\r\n");
	}

	@Test
	void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
		assertThat(new Csv().line("=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "ok").toString())
			.isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-1,'@SUM(A1),ok\r\n");
	}

}

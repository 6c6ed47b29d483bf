package uk.yourarea.coverage;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * ONS's ward names and codes lookup read whole: any year's columns, the Welsh name when
 * there is one, and every line that cannot be used reported, so that nothing of a bad
 * file is saved.
 */
class WardNameLookupTests {

	@Test
	void readsAnyYearsColumnsInAnyOrderWithTheWelshName() {
		WardNameLookup.Lookup lookup = read("""
				\uFEFFFID,WD24NMW,WD24CD,WD24NM,LAD24CD
				1,Castell,W05001234,Castle,W06000015
				2,,E05001789,"Castle, Leicester",E06000016
				""");
		assertThat(lookup.withWelsh()).isTrue();
		assertThat(lookup.wards()).containsExactly(new WardNameLookup.Ward("W05001234", "Castle", "Castell"),
				new WardNameLookup.Ward("E05001789", "Castle, Leicester", null));
	}

	@Test
	void aLookupWithoutWelshNamesSaysSoAndTheWordWardIsLeftOff() {
		WardNameLookup.Lookup lookup = read("wd14cd,wd14nm\r\nE05005537,Wigston All Saints Ward\r\n\r\n");
		assertThat(lookup.withWelsh()).isFalse();
		assertThat(lookup.wards()).containsExactly(new WardNameLookup.Ward("E05005537", "Wigston All Saints", null));
	}

	@Test
	void reportsEveryLineThatCannotBeUsed() {
		List<WardNameLookup.Problem> problems = problems("""
				WD24CD,WD24NM,WD24NMW
				E05001789,Castle,
				nonsense,Nowhere,
				E05001790,,
				E05001791
				E05001789,Castle Hill,
				E05001792,%s,
				""".formatted("x".repeat(201)));
		assertThat(problems).extracting(WardNameLookup.Problem::key)
			.containsExactly("coverage.upload.wards.code", "coverage.upload.wards.no-name",
					"coverage.upload.wards.fields", "coverage.upload.wards.twice", "coverage.upload.wards.name");
		assertThat(problems.get(0).arguments()).containsExactly(3L, "nonsense");
		assertThat(problems.get(2).arguments()).containsExactly(5L, 1, 2);
	}

	@Test
	void refusesFilesThatAreNotALookupOfOneYearsWards() {
		assertThat(problems("postcode,ward\nLE1 1AA,Castle\n")).extracting(WardNameLookup.Problem::key)
			.containsExactly("coverage.upload.wards.not-recognised");
		assertThat(problems("WD23CD,WD23NM,WD24CD,WD24NM\nE05001789,Castle,E05001789,Castle\n")).singleElement()
			.satisfies((problem) -> {
				assertThat(problem.key()).isEqualTo("coverage.upload.wards.several-years");
				assertThat(problem.arguments()).containsExactly("WD23CD, WD24CD");
			});
		assertThat(problems("WD24CD,WD24NM\n")).extracting(WardNameLookup.Problem::key)
			.containsExactly("coverage.upload.wards.no-wards");
		assertThat(problems("\n\n")).extracting(WardNameLookup.Problem::key)
			.containsExactly("coverage.upload.wards.empty");
		byte[] latin1 = "WD24CD,WD24NM\nW05001234,Ynys Môn\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(catchThrowableOfType(WardNameLookup.Refused.class, () -> WardNameLookup.read(latin1)).problems())
			.extracting(WardNameLookup.Problem::key)
			.containsExactly("coverage.upload.wards.not-utf8");
	}

	@Test
	void keepsNamesWithoutTheWordWardAtTheEndOnly() {
		assertThat(WardNames.plain("  Castle   Ward ")).isEqualTo("Castle");
		assertThat(WardNames.plain("Wigston St. Wolstan's Ward")).isEqualTo("Wigston St. Wolstan's");
		assertThat(WardNames.plain("Wardley")).isEqualTo("Wardley");
		assertThat(WardNames.plain("Ward")).isEqualTo("Ward");
		assertThat(WardNames.plain(" ")).isNull();
	}

	private static WardNameLookup.Lookup read(String text) {
		return WardNameLookup.read(text.getBytes(StandardCharsets.UTF_8));
	}

	private static List<WardNameLookup.Problem> problems(String text) {
		return catchThrowableOfType(WardNameLookup.Refused.class, () -> read(text)).problems();
	}

}

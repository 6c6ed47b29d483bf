package uk.yourarea.neighbourhood;

import org.junit.jupiter.api.Test;

import uk.yourarea.web.Languages;
import uk.yourarea.web.TextIn;

import static org.assertj.core.api.Assertions.assertThat;

/** A neighbourhood's and a local policing area's Welsh versions. */
class NeighbourhoodInWelshTests {

	private final LocalPolicingArea area = new LocalPolicingArea("HOW", "Harborough, Oadby and Wigston", null, null);

	@Test
	void theDescriptionIsInWelshOnAWelshPageWhereThereIsOne() {
		Neighbourhood wigston = new Neighbourhood("NA54", "Wigston", this.area);
		wigston.describe("The Wigston team works with residents.");
		wigston.inWelsh(null, "Mae tîm Wigston yn gweithio gyda thrigolion.");

		assertThat(wigston.descriptionIn(Languages.WELSH))
			.isEqualTo(new TextIn("Mae tîm Wigston yn gweithio gyda thrigolion.", null));
		assertThat(wigston.descriptionIn(Languages.ENGLISH))
			.isEqualTo(new TextIn("The Wigston team works with residents.", null));
		assertThat(wigston.lacksWelshDescription()).isFalse();
	}

	@Test
	void withoutWelshAWelshPageShowsTheEnglishMarkedAsEnglish() {
		Neighbourhood oadby = new Neighbourhood("NA55", "Oadby", this.area);
		oadby.describe("The Oadby team.");

		assertThat(oadby.descriptionIn(Languages.WELSH)).isEqualTo(new TextIn("The Oadby team.", "en"));
		assertThat(oadby.lacksWelshDescription()).isTrue();
	}

	@Test
	void noDescriptionLacksNoWelsh() {
		Neighbourhood blaby = new Neighbourhood("NH01", "Blaby", this.area);

		assertThat(blaby.descriptionIn(Languages.WELSH).present()).isFalse();
		assertThat(blaby.lacksWelshDescription()).isFalse();
	}

	@Test
	void aWelshPageShowsTheWelshNameWhereThereIsOne() {
		Neighbourhood cardiff = new Neighbourhood("CF01", "Cardiff Central", this.area);
		cardiff.inWelsh("Canol Caerdydd", null);
		this.area.nameInWelsh("Harborough, Oadby a Wigston");

		assertThat(cardiff.nameIn(Languages.WELSH).text()).isEqualTo("Canol Caerdydd");
		assertThat(cardiff.nameIn(Languages.ENGLISH).text()).isEqualTo("Cardiff Central");
		assertThat(new Neighbourhood("NA54", "Wigston", this.area).nameIn(Languages.WELSH).text()).isEqualTo("Wigston");
		assertThat(this.area.nameIn(Languages.WELSH).text()).isEqualTo("Harborough, Oadby a Wigston");
		assertThat(this.area.nameIn(Languages.ENGLISH).text()).isEqualTo("Harborough, Oadby and Wigston");
	}

}

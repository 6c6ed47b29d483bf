package uk.yourarea.station;

import org.junit.jupiter.api.Test;

import uk.yourarea.web.Languages;
import uk.yourarea.web.TextIn;

import static org.assertj.core.api.Assertions.assertThat;

/** A station's name and address in Welsh. */
class StationInWelshTests {

	@Test
	void aWelshPageShowsTheWelshNameAndAddressWhereThereAreSome() {
		Station station = new Station("Wigston Police Station", Station.Kind.STATION, "Bull Head Street, Wigston",
				"LE18 1PA", true);
		station.inWelsh("Gorsaf Heddlu Wigston", null);

		assertThat(station.nameIn(Languages.WELSH)).isEqualTo(new TextIn("Gorsaf Heddlu Wigston", null));
		assertThat(station.addressIn(Languages.WELSH)).isEqualTo(new TextIn("Bull Head Street, Wigston", "en"));
		assertThat(station.nameIn(Languages.ENGLISH)).isEqualTo(new TextIn("Wigston Police Station", null));
		assertThat(station.lacksWelsh()).isFalse();
	}

	@Test
	void aStationWithoutAWelshNameLacksWelsh() {
		Station hub = new Station("Blaby Community Hub", Station.Kind.HUB, "Lutterworth Road, Blaby", "LE8 4DB", false);
		hub.inWelsh(null, "Heol Lutterworth, Blaby");

		assertThat(hub.lacksWelsh()).isTrue();
		assertThat(hub.addressIn(Languages.WELSH).text()).isEqualTo("Heol Lutterworth, Blaby");
	}

}

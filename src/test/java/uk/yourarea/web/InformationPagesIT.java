package uk.yourarea.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** The accessibility statement and privacy notice every public service owes its users. */
@DemoSiteTest
class InformationPagesIT {

	@Autowired
	private Site site;

	@ParameterizedTest
	@CsvSource({ "/accessibility, Accessibility statement, Leicestershire Police",
			"/privacy, Privacy notice, Leicestershire Police is the data controller" })
	void showsTheInformationPage(String path, String heading, String text) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Pages.parse(response).selectFirst("h1").text()).isEqualTo(heading);
		assertThat(Pages.parse(response).selectFirst("main").text()).contains(text);
	}

	@ParameterizedTest
	@CsvSource({ "/accessibility, Accessibility statement", "/privacy, Privacy" })
	void linksToTheInformationPagesFromEveryPageFooter(String path, String linkText) {
		assertThat(this.site.page("/areas").select("footer a[href=" + path + "]").eachText()).contains(linkText);
	}

}

package uk.yourarea.area;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The postcode lookup's way round Spring Security and Spring MVC: it answers a postcode
 * in a live neighbourhood exactly as {@link AreaController} would, and leaves everything
 * else to it.
 */
@DemoSiteTest
class PostcodeRedirectsIT {

	@Autowired
	private Site site;

	@Autowired
	private PostcodeRedirects redirects;

	@Autowired
	private WebApplicationContext context;

	@ParameterizedTest
	@ValueSource(strings = { "LE18 1AA", "le181aa", " le1 3gg " })
	void answersAPostcodeInALiveNeighbourhoodAsTheControllerDoes(String typed) throws Exception {
		HttpResponse<String> answered = this.site.get(Site.findYourArea(typed));
		// Spring MVC alone, without any of the site's filters.
		MockMvc controllerOnly = MockMvcBuilders.webAppContextSetup(this.context).build();
		MvcResult controller = controllerOnly.perform(get(AreaController.FIND_YOUR_AREA).param("postcode", typed))
			.andReturn();

		assertThat(answered.statusCode()).isEqualTo(303).isEqualTo(controller.getResponse().getStatus());
		assertThat(URI.create(answered.headers().firstValue("Location").orElseThrow()).getPath()).startsWith("/area/")
			.isEqualTo(controller.getResponse().getRedirectedUrl());
		assertThat(answered.headers().allValues("Cache-Control")).singleElement()
			.isEqualTo("public, max-age=0, s-maxage=60")
			.isEqualTo(controller.getResponse().getHeader("Cache-Control"));
		assertThat(answered.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(answered.body()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD" })
	void answersWithoutGoingFurther(String method) throws Exception {
		Passed passed = send(method, "LE18 1AA");

		assertThat(passed.on()).as("answered here").isFalse();
		assertThat(passed.response().getStatus()).isEqualTo(303);
		assertThat(passed.response().getHeader("Location")).isEqualTo("/area/wigston");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "LE18", "not a postcode", "SW1A 1AA", "LE10 3AZ" })
	void leavesEveryOtherAnswerToTheController(String typed) throws Exception {
		Passed passed = send("GET", typed);

		assertThat(passed.on()).as("passed on to Spring Security and Spring MVC").isTrue();
		assertThat(passed.response().getStatus()).isEqualTo(200);
		assertThat(passed.response().getHeader("Location")).isNull();
	}

	@Test
	void leavesTwoPostcodesToTheController() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", AreaController.FIND_YOUR_AREA);
		request.addParameter("postcode", "LE18 1AA", "LE1 3GG");
		AtomicBoolean passedOn = new AtomicBoolean();

		this.redirects.doFilter(request, new MockHttpServletResponse(), (req, res) -> passedOn.set(true));

		assertThat(passedOn).isTrue();
		HttpResponse<String> answered = this.site.get("/find-your-area?postcode=LE18+1AA&postcode=LE1+3GG");
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).contains("Enter a full UK postcode");
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT" })
	void leavesOtherMethodsToSpringMvc(String method) throws Exception {
		assertThat(send(method, "LE18 1AA").on()).isTrue();
	}

	private Passed send(String method, String typed) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, AreaController.FIND_YOUR_AREA);
		request.setParameter("postcode", typed);
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicBoolean passedOn = new AtomicBoolean();
		FilterChain chain = (req, res) -> passedOn.set(true);
		this.redirects.doFilter(request, response, chain);
		return new Passed(passedOn.get(), response);
	}

	private record Passed(boolean on, MockHttpServletResponse response) {
	}

}

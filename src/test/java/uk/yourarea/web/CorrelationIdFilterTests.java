package uk.yourarea.web;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdFilterTests {

	final CorrelationIdFilter filter = new CorrelationIdFilter();

	@Test
	void eachRequestGetsAnIdOfTwelveHexadecimalDigitsLoggedWhileItIsAnswered() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/area/wigston");
		String[] logged = new String[1];

		this.filter.doFilter(request, new MockHttpServletResponse(),
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
				}) {
					@Override
					public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
						logged[0] = MDC.get("correlationId");
					}
				});

		String id = (String) request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
		assertThat(id).matches("[0-9A-F]{12}");
		assertThat(logged[0]).isEqualTo(id);
		assertThat(MDC.get("correlationId")).as("not left on the thread for the next request").isNull();
	}

	@Test
	void idsTellRequestsApart() throws Exception {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1_000; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
			this.filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
			ids.add((String) request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
		}

		assertThat(ids).hasSize(1_000);
	}

}

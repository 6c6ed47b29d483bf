package uk.yourarea.web;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request size limits: small for public forms, larger for staff forms, and as large
 * as a postcode file only for the two coverage upload routes.
 */
class RequestSizeLimitFilterTests {

	private static final long MB = 1024 * 1024;

	private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(DataSize.ofMegabytes(200), messages());

	@Test
	void coverageUploadsMayBeUpToTheirOwnLimit() throws Exception {
		for (String path : RequestSizeLimitFilter.LARGE_UPLOAD_PATHS) {
			assertThat(send("POST", path, 150 * MB, "multipart/form-data; boundary=x").passed).as(path).isTrue();
			Sent tooLarge = send("POST", path, 250 * MB, "multipart/form-data; boundary=x");
			assertThat(tooLarge.passed).as(path).isFalse();
			assertThat(tooLarge.response.getStatus()).isEqualTo(413);
			assertThat(tooLarge.request.getAttribute(RequestSizeLimitFilter.UPLOAD_LIMIT_ATTRIBUTE))
				.isEqualTo("200 MB");
			assertThat(tooLarge.response.getIncludedUrl()).as("the error page, rendered at once").isEqualTo("/error");
			assertThat(tooLarge.response.getHeader("Connection")).isEqualTo("close");
		}
	}

	@Test
	void otherStaffRoutesKeepTheirEightMegabytes() throws Exception {
		Sent photo = send("POST", "/staff/neighbourhoods/1/team/2/photo", 9 * MB, "multipart/form-data; boundary=x");
		assertThat(photo.passed).isFalse();
		assertThat(photo.response.getStatus()).isEqualTo(413);
		assertThat(photo.request.getAttribute(RequestSizeLimitFilter.UPLOAD_LIMIT_ATTRIBUTE)).isNull();
		assertThat(
				send("POST", "/staff/neighbourhoods/1/team/2/photo", 7 * MB, "multipart/form-data; boundary=x").passed)
			.isTrue();
		assertThat(send("PUT", "/staff/coverage/postcodes", 9 * MB, "multipart/form-data; boundary=x").passed)
			.as("only POST gets the large limit")
			.isFalse();
		assertThat(
				send("POST", "/staff/coverage/postcodes/../../admin", 9 * MB, "multipart/form-data; boundary=x").passed)
			.isFalse();
	}

	@Test
	void publicFormsKeepTheirSmallLimit() throws Exception {
		assertThat(
				send("POST", "/find-your-area", 200 * 1024, "application/x-www-form-urlencoded").response.getStatus())
			.isEqualTo(413);
		assertThat(send("POST", "/find-your-area", 2 * 1024, "application/x-www-form-urlencoded").passed).isTrue();
	}

	@Test
	void aMultipartBodyMustSayItsLength() throws Exception {
		Sent chunked = send("POST", "/staff/coverage/postcodes", -1, "multipart/form-data; boundary=x");
		assertThat(chunked.passed).isFalse();
		assertThat(chunked.response.getStatus()).isEqualTo(411);
	}

	@Test
	void aClientThatDoesNotTakeHtmlReadsWhyInPlainText() throws Exception {
		for (String accept : new String[] { null, "*/*", "application/json", "text/plain, */*;q=0.5" }) {
			Sent refused = send("POST", "/area/wigston/contact", 10 * MB, "application/x-www-form-urlencoded", accept);
			assertThat(refused.passed).isFalse();
			assertThat(refused.response.getStatus()).as(accept).isEqualTo(413);
			assertThat(refused.response.getContentType()).as(accept).startsWith("text/plain");
			assertThat(refused.response.getContentAsString()).as(accept)
				.startsWith("What you sent is too large.")
				.endsWith("\n");
			assertThat(refused.response.getIncludedUrl()).as(accept).isNull();
		}
	}

	@Test
	void aBrowserGetsTheSitesPage() throws Exception {
		Sent refused = send("POST", "/area/wigston/contact", 10 * MB, "application/x-www-form-urlencoded",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(refused.response.getStatus()).isEqualTo(413);
		assertThat(refused.response.getIncludedUrl()).isEqualTo("/error");
		assertThat(refused.response.getContentType()).startsWith("text/html");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		return messages;
	}

	private Sent send(String method, String path, long length, String contentType) throws Exception {
		return send(method, path, length, contentType, "text/html");
	}

	private Sent send(String method, String path, long length, String contentType, String accept) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path) {
			@Override
			public long getContentLengthLong() {
				return length;
			}
		};
		request.setContentType(contentType);
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		return new Sent(request, response, chain.getRequest() != null);
	}

	private record Sent(MockHttpServletRequest request, MockHttpServletResponse response, boolean passed) {
	}

}

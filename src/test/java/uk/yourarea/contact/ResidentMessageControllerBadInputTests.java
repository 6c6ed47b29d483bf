package uk.yourarea.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.TestNeighbourhoods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a resident sees when their reply or feedback on their private page cannot be
 * taken: the page again with what they typed and why, and nothing sent to the team.
 */
@WebMvcTest(controllers = ResidentMessageController.class)
@ContextConfiguration(classes = ResidentMessageControllerBadInputTests.Slice.class)
class ResidentMessageControllerBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, ResidentMessageController.class })
	static class Slice {

	}

	static final String TOKEN = "a-private-link-token";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ContactMessages messages;

	@MockitoBean
	NeighbourhoodDirectory neighbourhoods;

	final ContactMessage message = new ContactMessage("YA-7K3M-Q9P2", 3L,
			new ContactMessage.Sender("Sam Resident", "sam@example.org", null, PreferredContact.EMAIL,
					SenderType.RESIDENT),
			Topic.SPEEDING_AND_ROADS, "Cars race down Long Street at night.", "Long Street",
			PageSlice.NOW.minus(Duration.ofHours(2)),
			new ResponseDeadline(new ResponsePolicy(ResponsePolicy.Kind.CALENDAR_HOURS, 72, 3), new BankHolidays(),
					Clock.fixed(PageSlice.NOW, ZoneId.of("Europe/London")))
				.from(PageSlice.NOW.minus(Duration.ofHours(2))),
			"0123456789abcdef0123456789abcdef");

	@BeforeEach
	void theMessageOfTheLink() {
		given(this.messages.findByToken(TOKEN)).willReturn(Optional.of(this.message));
		given(this.messages.formatDeadline(this.message.getDueAt())).willReturn("Thursday 26 November 2026 at 10:00am");
		given(this.messages.mayReply(TOKEN)).willReturn(true);
		given(this.neighbourhoods.byId(anyLong(), any()))
			.willReturn(Optional.of(TestNeighbourhoods.live(53L, "wigston", "Wigston")));
	}

	@Test
	void aBlankReplyComesBackWithItsError() throws Exception {
		Document page = page(post("/messages/{token}/reply", TOKEN).param("reply", "  "), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter your reply");
		then(this.messages).should(never()).residentReplied(anyString(), anyString());
	}

	@Test
	void aReplyTooLongComesBackAsTyped() throws Exception {
		String typed = "r".repeat(ResidentReplyForm.MAX_REPLY + 1);

		Document page = page(post("/messages/{token}/reply", TOKEN).param("reply", typed), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Your reply must be 5,000 characters or fewer");
		assertThat(page.getElementById("reply").text()).isEqualTo(typed);
		then(this.messages).should(never()).residentReplied(anyString(), anyString());
	}

	@Test
	void aReplyToAClosedConversationIsRefused() throws Exception {
		this.message.close(1, "Advice given", PageSlice.NOW);

		Document page = page(post("/messages/{token}/reply", TOKEN).param("reply", "One more thing"), 200);

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("This conversation is closed. Send a new message from your neighbourhood page instead");
		assertThat(page.getElementById("reply")).as("no reply box on a closed conversation").isNull();
		then(this.messages).should(never()).residentReplied(anyString(), anyString());
	}

	@Test
	void tooManyRepliesAreRefusedWithTheReplyKept() throws Exception {
		given(this.messages.mayReply(TOKEN)).willReturn(false);

		Document page = page(post("/messages/{token}/reply", TOKEN).param("reply", "Are you there?"), 429);

		assertThat(PageSlice.errorSummary(page)).singleElement()
			.asString()
			.startsWith("You have sent a lot of replies");
		assertThat(page.getElementById("reply").text()).isEqualTo("Are you there?");
		then(this.messages).should(never()).residentReplied(anyString(), anyString());
	}

	@Test
	void feedbackWithNoAnswerChosenAsksForOne() throws Exception {
		Document page = page(post("/messages/{token}/feedback", TOKEN), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select yes if our reply answered your question");
		then(this.messages).should(never()).residentAnswered(anyString(), anyBoolean());
	}

	private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request.with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		return Pages.parse(result.getResponse().getContentAsString());
	}

}

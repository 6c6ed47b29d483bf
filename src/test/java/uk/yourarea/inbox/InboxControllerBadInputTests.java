package uk.yourarea.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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

import uk.yourarea.contact.Conversations;
import uk.yourarea.contact.EntryKind;
import uk.yourarea.contact.MessageStatus;
import uk.yourarea.contact.PreferredContact;
import uk.yourarea.contact.SenderType;
import uk.yourarea.contact.Topic;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffAccounts.Colleague;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.OnceOnly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What an officer sees when a form on a message's page is wrong: the page again (200),
 * with what they typed and the error, and nothing done to the message. Who may reach the
 * pages is InboxIT's and the route inventory's to check.
 */
@WebMvcTest(controllers = InboxController.class)
@ContextConfiguration(classes = InboxControllerBadInputTests.Slice.class)
class InboxControllerBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, InboxController.class })
	static class Slice {

	}

	static final long MESSAGE = 7;

	static final StaffUser OFFICER = new StaffUser(1, "PC Ellis", "officer@example.org", Set.of(StaffRole.OFFICER),
			Set.of(3L), Set.of());

	static final Colleague ELLIS = new Colleague(1, "PC Ellis", "officer@example.org");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MessageInbox inbox;

	@MockitoBean
	Conversations conversations;

	@MockitoBean
	StalePriorities stalePriorities;

	@MockitoBean
	OnceOnly onceOnly;

	@BeforeEach
	void aMessage() {
		Conversations.Details message = new Conversations.Details(MESSAGE, "YA-7K3M-Q9P2", 3, MessageStatus.OPEN, null,
				PageSlice.NOW.plus(Duration.ofHours(5)), "72 hours from when it arrived", "Monday 23 November 2026",
				"Sam Resident", SenderType.RESIDENT, "sam@example.org", null, PreferredContact.EMAIL,
				Topic.SPEEDING_AND_ROADS, "Long Street", null, List.of(new Conversations.Entry(EntryKind.RECEIVED, null,
						"Cars speed here", PageSlice.NOW.minus(Duration.ofHours(67)))),
				null, null, null, null, null);
		NeighbourhoodSummary wigston = TestNeighbourhoods.live(53L, "wigston", "Wigston");
		given(this.inbox.open(any(), anyLong())).willReturn(new MessageInbox.MessagePage(message, wigston,
				"due in 5 hours", message.deadline(), List.of(new MessageInbox.HistoryLine(PageSlice.NOW,
						"Message received", "The resident", "Cars speed here", true)),
				List.of(ELLIS), null, false, null, null));
		given(this.conversations.teamFor(any(), anyLong())).willReturn(List.of(ELLIS));
	}

	@Test
	void aBlankReplyOfNoKindComesBackWithBothErrors() throws Exception {
		Document page = page(post("/staff/inbox/messages/{id}/reply", MESSAGE).param("reply", "   "), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter your reply",
				"Select whether this is a full reply or a holding reply");
		then(this.conversations).should(never()).reply(any(), anyLong(), anyString(), anyBoolean());
	}

	@Test
	void aReplyTooLongComesBackAsTypedWithTheKindChosen() throws Exception {
		String typed = "a".repeat(InboxController.MAX_TEXT + 1);

		Document page = page(
				post("/staff/inbox/messages/{id}/reply", MESSAGE).param("reply", typed).param("kind", "HOLDING"), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Your reply must be 5,000 characters or fewer");
		assertThat(page.getElementById("reply").text()).isEqualTo(typed);
		assertThat(page.select("input[name=kind][value=HOLDING]").hasAttr("checked")).isTrue();
		then(this.conversations).should(never()).reply(any(), anyLong(), anyString(), anyBoolean());
	}

	@Test
	void aReplyOfAnUnknownKindIsRefused() throws Exception {
		Document page = page(post("/staff/inbox/messages/{id}/reply", MESSAGE).param("reply", "We are on it")
			.param("kind", "PARTIAL"), 200);

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Select whether this is a full reply or a holding reply");
		assertThat(page.getElementById("reply").text()).isEqualTo("We are on it");
	}

	@Test
	void aBlankNoteComesBackWithItsError() throws Exception {
		Document page = page(post("/staff/inbox/messages/{id}/note", MESSAGE).param("note", ""), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter a note");
		then(this.conversations).should(never()).note(any(), anyLong(), anyString());
	}

	@Test
	void aNoteTooLongComesBackAsTyped() throws Exception {
		String typed = "n".repeat(InboxController.MAX_TEXT + 1);

		Document page = page(post("/staff/inbox/messages/{id}/note", MESSAGE).param("note", typed), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Your note must be 5,000 characters or fewer");
		assertThat(page.getElementById("note").text()).isEqualTo(typed);
	}

	@Test
	void assigningToSomeoneOutsideTheTeamIsRefused() throws Exception {
		Document page = page(post("/staff/inbox/messages/{id}/assign", MESSAGE).param("assignee", "99"), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select who should deal with this message");
		then(this.conversations).should(never()).assign(any(), anyLong(), anyLong());
	}

	@Test
	void assigningToNobodyIsRefused() throws Exception {
		Document page = page(post("/staff/inbox/messages/{id}/assign", MESSAGE), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select who should deal with this message");
	}

	@Test
	void closingWithoutAnOutcomeOrWithTooLongAnOneIsRefused() throws Exception {
		assertThat(PageSlice
			.errorSummary(page(post("/staff/inbox/messages/{id}/close", MESSAGE).param("outcome", " "), 200)))
			.containsExactly("Enter the outcome");
		assertThat(PageSlice.errorSummary(
				page(post("/staff/inbox/messages/{id}/close", MESSAGE).param("outcome", "o".repeat(1001)), 200)))
			.containsExactly("The outcome must be 1,000 characters or fewer");
		then(this.conversations).should(never()).close(any(), anyLong(), anyString());
	}

	@Test
	void anUnknownFilterShowsEveryMessage() throws Exception {
		given(this.inbox.inbox(any(), any()))
			.willReturn(new MessageInbox.InboxPage(List.of(), new MessageInbox.Counts(0, 0, 0), List.of()));
		given(this.stalePriorities.of(any())).willReturn(new StalePriorities.Found(List.of(), 0));

		Document page = Pages
			.parse(this.mvc.perform(get("/staff/inbox").param("status", "LOST").param("topic", "NOPE").with(signedIn()))
				.andReturn()
				.getResponse()
				.getContentAsString());

		then(this.inbox).should().inbox(OFFICER, new MessageInbox.Filter(null, null, null));
		assertThat(page.select("main p.govuk-body").eachText()).contains("There are no messages to show.");
	}

	private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request.with(signedIn()).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		return Pages.parse(result.getResponse().getContentAsString());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn() {
		return PageSlice.signedIn(OFFICER, "ROLE_OFFICER");
	}

}

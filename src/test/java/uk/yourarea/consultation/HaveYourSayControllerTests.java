package uk.yourarea.consultation;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.FormStamps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

/**
 * What "Have your say" does when the database refuses an answer: a second send of the
 * same form stored it (on to "check your email"), or anything else (the form again with
 * everything typed, 503). It used to swallow every refusal and say "check your email" for
 * an answer that was never stored.
 */
class HaveYourSayControllerTests {

	static final String KEY = "0123456789abcdef0123456789abcdef";

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	final NeighbourhoodDirectory neighbourhoods = mock(NeighbourhoodDirectory.class);

	final HaveYourSay haveYourSay = mock(HaveYourSay.class);

	final PostcodeLookup postcodes = mock(PostcodeLookup.class);

	final HaveYourSayController controller = new HaveYourSayController(this.neighbourhoods, this.haveYourSay,
			new AnswerChecks(this.postcodes, this.neighbourhoods, siteWording()),
			new ConsultationDates(Clock.fixed(NOW, ZoneId.of("Europe/London")), siteWording()), mock(FormStamps.class),
			siteWording());

	final HaveYourSayForm form = new HaveYourSayForm(null, List.of(), "Bikes on the path by the school",
			ConsultationResponse.RespondentType.RESIDENT, "LE18 1AA", "sam@example.org", null, "0.signature", KEY);

	private static ResourceBundleMessageSource siteWording() {
		ResourceBundleMessageSource wording = new ResourceBundleMessageSource();
		wording.setBasename("messages");
		wording.setDefaultEncoding("UTF-8");
		return wording;
	}

	@BeforeEach
	void wigstonWithAnOpenConsultation() {
		given(this.neighbourhoods.liveBySlug(eq("wigston"), any()))
			.willReturn(Optional.of(TestNeighbourhoods.live(7L, "wigston", "Wigston")));
		Consultation open = new Consultation(7L, "Which issues should we focus on?", List.of("Speeding"),
				NOW.minus(1, ChronoUnit.DAYS), NOW.plus(7, ChronoUnit.DAYS), NOW.minus(2, ChronoUnit.DAYS));
		ReflectionTestUtils.setField(open.getIssues().get(0), "id", 11L);
		given(this.haveYourSay.openIn(7L)).willReturn(Optional.of(open));
		Postcode postcode = Postcode.parse("LE18 1AA").orElseThrow();
		given(this.postcodes.find(postcode))
			.willReturn(new PostcodeLookup.Result.InNeighbourhood(postcode, 7L, "wigston", false));
	}

	@Test
	void aSecondSendOfTheSameFormAtTheSameMomentGoesOnToCheckYourEmail() {
		willThrow(new DataIntegrityViolationException("duplicate key")).given(this.haveYourSay)
			.answer(any(), any(), any(), anyString());
		given(this.haveYourSay.answered(KEY)).willReturn(true);

		assertThat(send(new MockHttpServletResponse(), new ExtendedModelMap()))
			.isEqualTo("redirect:/area/wigston/have-your-say/check-your-email");
	}

	@Test
	void anyOtherRefusalByTheDatabaseShowsTheFormAgainWithEverythingTypedAndTheSameKey() {
		willThrow(new DataIntegrityViolationException("insert",
				new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))
			.given(this.haveYourSay)
			.answer(any(), any(), any(), anyString());
		given(this.haveYourSay.answered(KEY)).willReturn(false);
		MockHttpServletResponse response = new MockHttpServletResponse();
		ExtendedModelMap model = new ExtendedModelMap();

		String view = send(response, model);

		assertThat(view).isEqualTo("consultation/have-your-say");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isNotBlank();
		assertThat(model.get("problem")).isEqualTo("unavailable");
		assertThat(model.get("form")).isEqualTo(this.form);
	}

	private String send(MockHttpServletResponse response, ExtendedModelMap model) {
		return this.controller.answer("wigston", this.form, new BeanPropertyBindingResult(this.form, "form"), model,
				new MockHttpServletRequest(), response);
	}

}

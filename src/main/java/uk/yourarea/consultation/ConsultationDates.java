package uk.yourarea.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import uk.yourarea.web.Languages;
import uk.yourarea.web.Phrase;

/**
 * Turns the days staff choose into the instants a consultation is open between, and back
 * into words: a consultation opens at the start of its opening day and closes at the end
 * of its closing day, UK time.
 */
@Component
class ConsultationDates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma");

	private final Clock clock;

	private final MessageSource text;

	ConsultationDates(Clock clock, MessageSource text) {
		this.clock = clock;
		this.text = text;
	}

	Instant now() {
		return this.clock.instant();
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	Instant startOf(LocalDate day) {
		return day.atStartOfDay(this.clock.getZone()).toInstant();
	}

	Instant endOf(LocalDate day) {
		return startOf(day.plusDays(1));
	}

	LocalDate openingDay(Consultation consultation) {
		return consultation.getOpensAt().atZone(this.clock.getZone()).toLocalDate();
	}

	/** The UK day an instant falls on. */
	LocalDate dayOf(Instant instant) {
		return instant.atZone(this.clock.getZone()).toLocalDate();
	}

	/** The last day it is (or was) open. */
	LocalDate closingDay(Consultation consultation) {
		return consultation.getClosesAt().minusNanos(1).atZone(this.clock.getZone()).toLocalDate();
	}

	/** "Monday 30 November 2026", in the request's language. */
	String day(LocalDate day) {
		return DAY.withLocale(Languages.current()).format(day);
	}

	/** "30 November 2026", in the request's language. */
	String shortDay(LocalDate day) {
		return SHORT_DAY.withLocale(Languages.current()).format(day);
	}

	/** "2:15pm on 30 November 2026": a moment, in the request's language. */
	String moment(Instant instant) {
		ZonedDateTime at = instant.atZone(this.clock.getZone());
		Locale language = Languages.current();
		return text("consultation.dates.moment", TIME.withLocale(language).format(at).toLowerCase(language),
				shortDay(at.toLocalDate()));
	}

	/**
	 * When it closes or closed, in words of a language, for an email to a resident: the
	 * English is the same as {@link #closing(Consultation)}.
	 */
	String closing(Consultation consultation, MessageSource text, Locale locale) {
		Locale language = Languages.of(locale);
		if (Languages.ENGLISH.equals(language)) {
			return closing(consultation);
		}
		if (consultation.isClosedEarly()) {
			ZonedDateTime at = consultation.getClosesAt().atZone(this.clock.getZone());
			return text.getMessage("consultation.dates.moment",
					new Object[] { TIME.withLocale(language).format(at).toLowerCase(language),
							SHORT_DAY.withLocale(language).format(at) },
					language);
		}
		return text.getMessage("consultation.dates.end-of",
				new Object[] { DAY.withLocale(language).format(closingDay(consultation)) }, language);
	}

	/**
	 * When it closes or closed, for the change records: the words stay keys of the
	 * bundle, the time and day are written as staff pages write them.
	 */
	Phrase closingForTheRecord(Consultation consultation) {
		if (consultation.isClosedEarly()) {
			ZonedDateTime at = consultation.getClosesAt().atZone(this.clock.getZone());
			return Phrase.of("consultation.dates.moment", TIME.withLocale(Locale.UK).format(at).toLowerCase(Locale.UK),
					SHORT_DAY.withLocale(Locale.UK).format(at));
		}
		return Phrase.of("consultation.dates.end-of", DAY.withLocale(Locale.UK).format(closingDay(consultation)));
	}

	/** When it closes or closed, as people read it. */
	String closing(Consultation consultation) {
		return consultation.isClosedEarly() ? moment(consultation.getClosesAt())
				: endOfInWords(closingDay(consultation));
	}

	/** "the end of Monday 30 November 2026", in the request's language. */
	String endOfInWords(LocalDate day) {
		return text("consultation.dates.end-of", day(day));
	}

	private String text(String key, Object... arguments) {
		return this.text.getMessage(key, arguments, Languages.current());
	}

}

package uk.yourarea.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Bank holidays in England and Wales, from a data file kept in the repository. */
@Component
public class BankHolidays {

	static final String RESOURCE = "contact/bank-holidays-england-and-wales.csv";

	private final TreeSet<LocalDate> holidays;

	public BankHolidays() {
		this(read());
	}

	BankHolidays(Set<LocalDate> holidays) {
		this.holidays = new TreeSet<>(holidays);
	}

	public boolean isWorkingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !this.holidays.contains(day);
	}

	/**
	 * The last day the file knows about: working days after it are only weekends-aware.
	 */
	public LocalDate knownUntil() {
		return this.holidays.last().withMonth(12).withDayOfMonth(31);
	}

	private static Set<LocalDate> read() {
		Set<LocalDate> days = new TreeSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					days.add(LocalDate.parse(line.substring(0, line.indexOf(','))));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return days;
	}

}

package uk.yourarea.audit;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.area.AreaPages;
import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.web.Phrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DemoSiteTest
class ChangeLogIT {

	private StaffUser editor;

	private static long nextId = 9_000_000;

	@Autowired
	private ChangeLog changes;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private AreaPages areaPages;

	@Autowired
	private CacheManager caches;

	@Autowired
	private JdbcTemplate jdbc;

	private ActingAs acting;

	@BeforeEach
	void theWebEditor() {
		long id = this.jdbc.queryForObject("select id from staff_account where email = 'webeditor@example.org'",
				Long.class);
		this.editor = new StaffUser(id, "Web Editor (test)", "webeditor@example.org", Set.of(StaffRole.WEB_EDITOR),
				Set.of(), Set.of());
		this.acting = ActingAs.staff(this.editor);
	}

	@AfterEach
	void stopActing() {
		this.acting.close();
	}

	@Test
	void recordsEveryFieldOfSomethingNewAndOnlyTheFieldsAnEditChanged() {
		Subject subject = new Subject("team-member", nextId++, "PC 1 Test Person", null);
		Snapshot created = Snapshot.of()
			.with("change.field.name", "Test Person")
			.with("change.field.role", Phrase.of("change.value.role.pc"))
			.with("change.field.about", null)
			.build();
		Snapshot edited = Snapshot.of()
			.with("change.field.name", "Test Person")
			.with("change.field.role", Phrase.of("change.value.role.pcso"))
			.with("change.field.about", "Hello")
			.build();

		this.transaction.executeWithoutResult((status) -> {
			this.changes.record(this.editor, subject, "change.action.added", Snapshot.nothing(), created);
			this.changes.record(this.editor, subject, "change.action.edited", created, edited);
		});

		List<ChangeRecord> history = this.changes.historyOf("team-member", subject.id());
		assertThat(history).extracting(ChangeRecord::getAction)
			.containsExactly(Phrase.of("change.action.edited"), Phrase.of("change.action.added"));
		assertThat(history.get(0).getFields()).containsExactly(
				ChangeRecord.FieldChange.of(Phrase.of("change.field.role"), Phrase.of("change.value.role.pc"),
						Phrase.of("change.value.role.pcso")),
				ChangeRecord.FieldChange.of(Phrase.of("change.field.about"), Phrase.asIs(""), Phrase.asIs("Hello")));
		assertThat(history.get(1).getFields()).extracting(ChangeRecord.FieldChange::label)
			.containsExactly(Phrase.of("change.field.name"), Phrase.of("change.field.role"));
		assertThat(history.get(0).getChangedByName()).isEqualTo("Web Editor (test)");
		assertThat(history.get(0).getSubjectName()).isEqualTo(Phrase.asIs("PC 1 Test Person"));
	}

	@Test
	void storesKeysAndTheirArgumentsAndNotTheirEnglish() throws java.sql.SQLException {
		Subject subject = new Subject("coverage", nextId++, Phrase.of("change.subject.coverage-of", "Wigston"), null);

		this.transaction.executeWithoutResult((status) -> this.changes.record(this.editor, subject,
				Phrase.of("change.action.moved-to", "Oadby"), Snapshot.nothing(),
				Snapshot.of()
					.with(Phrase.of("change.field.postcode-of", "LE18 1AA"),
							Phrase.of("change.value.given-by-hand", "Wigston"))
					.with("change.field.ward-codes", "E05000001")
					.build()));

		assertThat(this.jdbc.queryForMap(
				"select action, action_args, subject_name, subject_name_args from change_record where subject_id = ?",
				subject.id()))
			.containsEntry("action", "change.action.moved-to")
			.containsEntry("subject_name", "change.subject.coverage-of")
			.satisfies((row) -> {
				assertThat(strings(row.get("action_args"))).containsExactly("Oadby");
				assertThat(strings(row.get("subject_name_args"))).containsExactly("Wigston");
			});
		List<java.util.Map<String, Object>> fields = this.jdbc.queryForList("""
				select f.field, f.field_args, f.after_value, f.after_args from change_record_field f
				join change_record r on r.id = f.change_record_id where r.subject_id = ? order by f.position""",
				subject.id());
		assertThat(fields).extracting((row) -> row.get("field"))
			.containsExactly("change.field.postcode-of", "change.field.ward-codes");
		assertThat(strings(fields.get(0).get("field_args"))).containsExactly("LE18 1AA");
		assertThat(fields.get(0).get("after_value")).isEqualTo("change.value.given-by-hand");
		assertThat(strings(fields.get(0).get("after_args"))).containsExactly("Wigston");
		assertThat(fields.get(1).get("after_value")).as("data, kept as it is").isEqualTo("E05000001");
		assertThat(fields.get(1).get("after_args")).as("no arguments: shown as it is").isNull();
	}

	@Test
	void anEditThatChangedNothingIsNotRecorded() {
		Subject subject = new Subject("station", nextId++, "Test Station", null);
		Snapshot same = Snapshot.of().with("change.field.name", "Test Station").build();

		this.transaction.executeWithoutResult(
				(status) -> this.changes.record(this.editor, subject, "change.action.edited", same, same));

		assertThat(this.changes.historyOf("station", subject.id())).isEmpty();
	}

	@Test
	void aChangeIsRecordedOnlyWithTheChangeItself() {
		Subject subject = new Subject("station", nextId++, "Test Station", null);

		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.changes.record(this.editor, subject, "change.action.added", Snapshot.nothing(),
					Snapshot.of().with("change.field.name", "X").build()));
		this.transaction.executeWithoutResult((status) -> {
			this.changes.record(this.editor, subject, "change.action.added", Snapshot.nothing(),
					Snapshot.of().with("change.field.name", "X").build());
			status.setRollbackOnly();
		});

		assertThat(this.changes.historyOf("station", subject.id())).isEmpty();
	}

	@Test
	void theConflictNamesWhoSavedAndEachFieldThatDiffers() {
		Subject subject = new Subject("priority", nextId++, "Speeding", null);
		Snapshot saved = Snapshot.of()
			.with("change.field.issue", "Speeding on Long Street")
			.with("change.field.raised-on", "1 May")
			.with("change.field.status", Phrase.of("change.value.open"))
			.build();
		this.transaction.executeWithoutResult((status) -> this.changes.record(this.editor, subject,
				"change.action.edited", Snapshot.of().build(), saved));
		Snapshot typed = Snapshot.of()
			.with("change.field.issue", "Speeding")
			.with("change.field.raised-on", "1 May")
			.with("change.field.status", Phrase.of("change.value.closed"))
			.build();

		EditConflict conflict = this.changes.conflict("priority", subject.id(), saved, typed);

		assertThat(conflict.changedBy()).isEqualTo("Web Editor (test)");
		assertThat(conflict.changedAt()).matches("\\d{1,2} \\w+ \\d{4} at \\d{1,2}:\\d{2}(am|pm)");
		assertThat(conflict.differences()).as("in the words of staff.properties")
			.containsExactly(new EditConflict.Difference("Issue", "Speeding on Long Street", "Speeding"),
					new EditConflict.Difference("Status", "Open", "Closed"));
		assertThat(conflict.message()).startsWith("Web Editor (test) saved changes while you were editing.");
	}

	@Test
	void theHistoryOfAPageHoldsEverythingThatShowedOnIt() {
		long neighbourhood = this.jdbc.queryForObject("select id from neighbourhood where code = 'NL61'", Long.class);
		Subject first = new Subject("priority", nextId++, "Speeding", neighbourhood);
		Subject second = new Subject("event", nextId++, "Beat surgery", neighbourhood);
		this.transaction.executeWithoutResult((status) -> {
			this.changes.record(this.editor, first, "change.action.created", Snapshot.nothing(),
					Snapshot.of().with("change.field.issue", "S").build());
			this.changes.record(this.editor, second, "change.action.created", Snapshot.nothing(),
					Snapshot.of().with("change.field.title", "B").build());
		});

		assertThat(this.changes.historyOfNeighbourhoodPage(neighbourhood)).extracting(ChangeRecord::getSubjectName)
			.startsWith(Phrase.asIs("Beat surgery"), Phrase.asIs("Speeding"));
	}

	@Test
	void aRecordedChangeEmptiesTheYourAreaPageCacheOnceItCommits() {
		String key = this.areaPages.cacheKeyNow("wigston");
		this.areaPages.find("wigston");
		assertThat(this.caches.getCache(AreaPages.CACHE).get(key)).as("cached").isNotNull();

		this.transaction.executeWithoutResult((status) -> {
			this.changes.record(this.editor, new Subject("station", nextId++, "Test Station", null),
					"change.action.edited", Snapshot.of().with("change.field.name", "A").build(),
					Snapshot.of().with("change.field.name", "B").build());
			assertThat(this.caches.getCache(AreaPages.CACHE).get(key)).as("still cached before commit").isNotNull();
		});

		assertThat(this.caches.getCache(AreaPages.CACHE).get(key)).as("evicted after commit").isNull();
		assertThat(this.areaPages.cacheKeyNow("wigston")).as("and a page read before is kept apart").isNotEqualTo(key);
	}

	private static List<String> strings(Object array) throws java.sql.SQLException {
		return List.of((String[]) ((java.sql.Array) array).getArray());
	}

}

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
		Snapshot created = Snapshot.of().with("Name", "Test Person").with("Role", "PC").with("Bio", null).build();
		Snapshot edited = Snapshot.of().with("Name", "Test Person").with("Role", "PCSO").with("Bio", "Hello").build();

		this.transaction.executeWithoutResult((status) -> {
			this.changes.record(this.editor, subject, "Added", Snapshot.nothing(), created);
			this.changes.record(this.editor, subject, "Edited", created, edited);
		});

		List<ChangeRecord> history = this.changes.historyOf("team-member", subject.id());
		assertThat(history).extracting(ChangeRecord::getAction).containsExactly("Edited", "Added");
		assertThat(history.get(0).getFields()).containsExactly(new ChangeRecord.FieldChange("Role", "PC", "PCSO"),
				new ChangeRecord.FieldChange("Bio", "", "Hello"));
		assertThat(history.get(1).getFields()).extracting(ChangeRecord.FieldChange::field)
			.containsExactly("Name", "Role");
		assertThat(history.get(0).getChangedByName()).isEqualTo("Web Editor (test)");
	}

	@Test
	void anEditThatChangedNothingIsNotRecorded() {
		Subject subject = new Subject("station", nextId++, "Test Station", null);
		Snapshot same = Snapshot.of().with("Name", "Test Station").build();

		this.transaction
			.executeWithoutResult((status) -> this.changes.record(this.editor, subject, "Edited", same, same));

		assertThat(this.changes.historyOf("station", subject.id())).isEmpty();
	}

	@Test
	void aChangeIsRecordedOnlyWithTheChangeItself() {
		Subject subject = new Subject("station", nextId++, "Test Station", null);

		assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> this.changes
			.record(this.editor, subject, "Added", Snapshot.nothing(), Snapshot.of().with("Name", "X").build()));
		this.transaction.executeWithoutResult((status) -> {
			this.changes.record(this.editor, subject, "Added", Snapshot.nothing(),
					Snapshot.of().with("Name", "X").build());
			status.setRollbackOnly();
		});

		assertThat(this.changes.historyOf("station", subject.id())).isEmpty();
	}

	@Test
	void theConflictNamesWhoSavedAndEachFieldThatDiffers() {
		Subject subject = new Subject("priority", nextId++, "Speeding", null);
		Snapshot saved = Snapshot.of().with("Issue", "Speeding on Long Street").with("Raised on", "1 May").build();
		this.transaction.executeWithoutResult(
				(status) -> this.changes.record(this.editor, subject, "Edited", Snapshot.of().build(), saved));
		Snapshot typed = Snapshot.of().with("Issue", "Speeding").with("Raised on", "1 May").build();

		EditConflict conflict = this.changes.conflict("priority", subject.id(), saved, typed);

		assertThat(conflict.changedBy()).isEqualTo("Web Editor (test)");
		assertThat(conflict.changedAt()).matches("\\d{1,2} \\w+ \\d{4} at \\d{1,2}:\\d{2}(am|pm)");
		assertThat(conflict.differences())
			.containsExactly(new EditConflict.Difference("Issue", "Speeding on Long Street", "Speeding"));
		assertThat(conflict.message()).startsWith("Web Editor (test) saved changes while you were editing.");
	}

	@Test
	void theHistoryOfAPageHoldsEverythingThatShowedOnIt() {
		long neighbourhood = this.jdbc.queryForObject("select id from neighbourhood where code = 'NL61'", Long.class);
		Subject first = new Subject("priority", nextId++, "Speeding", neighbourhood);
		Subject second = new Subject("event", nextId++, "Beat surgery", neighbourhood);
		this.transaction.executeWithoutResult((status) -> {
			this.changes.record(this.editor, first, "Created", Snapshot.nothing(),
					Snapshot.of().with("Issue", "S").build());
			this.changes.record(this.editor, second, "Created", Snapshot.nothing(),
					Snapshot.of().with("Title", "B").build());
		});

		assertThat(this.changes.historyOfNeighbourhoodPage(neighbourhood)).extracting(ChangeRecord::getSubjectName)
			.startsWith("Beat surgery", "Speeding");
	}

	@Test
	void aRecordedChangeEmptiesTheYourAreaPageCacheOnceItCommits() {
		this.areaPages.find("wigston");
		assertThat(this.caches.getCache(AreaPages.CACHE).get("wigston")).as("cached").isNotNull();

		this.transaction.executeWithoutResult((status) -> {
			this.changes.record(this.editor, new Subject("station", nextId++, "Test Station", null), "Edited",
					Snapshot.of().with("Name", "A").build(), Snapshot.of().with("Name", "B").build());
			assertThat(this.caches.getCache(AreaPages.CACHE).get("wigston")).as("still cached before commit")
				.isNotNull();
		});

		assertThat(this.caches.getCache(AreaPages.CACHE).get("wigston")).as("evicted after commit").isNull();
	}

}

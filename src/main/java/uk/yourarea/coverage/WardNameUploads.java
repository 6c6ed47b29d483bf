package uk.yourarea.coverage;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.security.ForWebEditors;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Phrase;

/**
 * Ward names uploaded by the web team from ONS's lookup: saved in one transaction with a
 * change record for the whole force, which empties the page caches so that the Your Area
 * pages name the wards at once. Ward names decide nothing about coverage, so no preview.
 */
@ForWebEditors
@Service
class WardNameUploads {

	/** What the upload page says about the ward names known. */
	record Known(long named, long withWelsh, long unnamedInUse) {
	}

	/**
	 * A lookup saved: how many wards it had, how many of them got a name or a changed
	 * one.
	 */
	record Saved(int wards, int changed) {
	}

	private final WardNames names;

	private final PostcodeTable postcodes;

	private final ChangeLog changes;

	WardNameUploads(WardNames names, PostcodeTable postcodes, ChangeLog changes) {
		this.names = names;
		this.postcodes = postcodes;
		this.changes = changes;
	}

	/**
	 * The names known, and how many wards of postcodes in a neighbourhood have none (and
	 * so are not named on their Your Area page).
	 */
	@Transactional(readOnly = true)
	Known known() {
		WardNames.Counts counts = this.names.counts();
		Set<String> inUse = new HashSet<>();
		this.postcodes.liveWardCodesPerNeighbourhood().values().forEach(inUse::addAll);
		return new Known(counts.named(), counts.withWelsh(), this.names.unnamed(inUse));
	}

	@Transactional
	Saved save(StaffUser by, String fileName, WardNameLookup.Lookup lookup) {
		WardNames.Counts before = this.names.counts();
		int changed = this.names.save(lookup);
		WardNames.Counts after = this.names.counts();
		this.changes.record(by,
				new Subject(CoverageChangeRecords.SUBJECT_TYPE, CoverageChangeRecords.WHOLE_FORCE,
						Phrase.of("change.subject.force-coverage"), null),
				Phrase.of("change.action.ward-names-uploaded", fileName),
				Snapshot.of()
					.with("change.field.upload", "")
					.with("change.field.wards-named", before.named())
					.with("change.field.wards-named-welsh", before.withWelsh())
					.with("change.field.ward-names-changed", "")
					.build(),
				Snapshot.of()
					.with("change.field.upload", fileName)
					.with("change.field.wards-named", after.named())
					.with("change.field.wards-named-welsh", after.withWelsh())
					.with("change.field.ward-names-changed", changed)
					.build());
		return new Saved(lookup.wards().size(), changed);
	}

}

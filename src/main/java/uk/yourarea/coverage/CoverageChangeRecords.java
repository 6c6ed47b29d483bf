package uk.yourarea.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Phrase;

/**
 * The change records of an applied upload (audit): one for the whole force's coverage and
 * one for each neighbourhood whose postcodes or boundary it changed, on the transaction
 * that applies it.
 */
@Component
class CoverageChangeRecords {

	/** The subject type of every record of a change of coverage. */
	static final String SUBJECT_TYPE = "coverage";

	/** The subject id of records about the whole force's coverage. */
	static final long WHOLE_FORCE = 0;

	private static final Phrase NO_BOUNDARY = Phrase.of("change.value.no-boundary");

	/** The coverage before an upload is applied, to record beside what it became. */
	record Before(Map<Long, Long> postcodes, PostcodeTable.ForceCounts force, Map<Long, Phrase> boundarySources) {
	}

	private final JdbcTemplate jdbc;

	private final PostcodeTable postcodes;

	private final CoverageNeighbourhoods neighbourhoods;

	private final ChangeLog changes;

	CoverageChangeRecords(JdbcTemplate jdbc, PostcodeTable postcodes, CoverageNeighbourhoods neighbourhoods,
			ChangeLog changes) {
		this.jdbc = jdbc;
		this.postcodes = postcodes;
		this.neighbourhoods = neighbourhoods;
		this.changes = changes;
	}

	Before before() {
		return new Before(this.postcodes.livePostcodesPerNeighbourhood(), this.postcodes.forceCounts(),
				boundarySources());
	}

	/**
	 * Records an applied upload: the force's numbers, and each neighbourhood it changed,
	 * with the postcodes that came in and went out.
	 * @param withNewBoundary the neighbourhoods the upload gave a boundary
	 */
	void recordApplied(CoverageJob job, StaffUser by, Before before, CoverageAssigner.Coverage coverage,
			List<CoverageAssigner.Move> moves, Set<Long> withNewBoundary) {
		Phrase action = Phrase.of((job.kind() == CoverageJob.Kind.POSTCODES) ? "change.action.postcode-file-applied"
				: "change.action.boundaries-applied", job.fileName());
		Map<Long, Long> after = this.postcodes.livePostcodesPerNeighbourhood();
		Map<Long, Phrase> sourcesAfter = boundarySources();
		Set<Long> touched = new LinkedHashSet<>();
		for (CoverageAssigner.Move move : moves) {
			if (move.fromId() != null) {
				touched.add(move.fromId());
			}
			if (move.toId() != null) {
				touched.add(move.toId());
			}
		}
		touched.addAll(withNewBoundary);
		Map<Long, CoverageNeighbourhoods.Choice> names = this.neighbourhoods.byId();
		Map<Long, CoverageNeighbourhoods.Choice> allNames = this.neighbourhoods.byIdIncludingRetired();
		this.changes.record(by,
				new Subject(SUBJECT_TYPE, WHOLE_FORCE, Phrase.of("change.subject.force-coverage"), null), action,
				Snapshot.of()
					.with("change.field.upload", "")
					.with("change.field.live-postcodes", before.force().live())
					.with("change.field.postcodes-in-neighbourhood", before.force().inNeighbourhood())
					.with("change.field.postcodes-outside", before.force().outside())
					.with("change.field.postcodes-changed", "")
					.build(),
				Snapshot.of()
					.with("change.field.upload", job.fileName())
					.with("change.field.live-postcodes", coverage.postcodesInForceArea())
					.with("change.field.postcodes-in-neighbourhood", coverage.assigned())
					.with("change.field.postcodes-outside", coverage.unassigned())
					.with("change.field.postcodes-changed", coverage.changed())
					.build());
		for (long neighbourhoodId : touched) {
			CoverageNeighbourhoods.Choice neighbourhood = names.get(neighbourhoodId);
			if (neighbourhood == null) {
				continue;
			}
			List<String> movedIn = new ArrayList<>();
			List<String> movedOut = new ArrayList<>();
			List<String> cameFromOutside = new ArrayList<>();
			List<String> wentOutside = new ArrayList<>();
			for (CoverageAssigner.Move move : moves) {
				if (Objects.equals(move.toId(), neighbourhoodId)) {
					if (move.fromId() == null) {
						cameFromOutside.add(describe(move));
					}
					else {
						movedIn.add(describe(move, CoverageNeighbourhoods.nameOf(move.fromId(), allNames)));
					}
				}
				if (Objects.equals(move.fromId(), neighbourhoodId)) {
					if (move.toId() == null) {
						wentOutside.add(describe(move));
					}
					else {
						movedOut.add(describe(move, CoverageNeighbourhoods.nameOf(move.toId(), allNames)));
					}
				}
			}
			this.changes.record(by, new Subject(SUBJECT_TYPE, neighbourhoodId, Phrase
				.of("change.subject.coverage-of", neighbourhood.name()), neighbourhoodId), action, Snapshot.of()
					.with("change.field.postcodes", before.postcodes().getOrDefault(neighbourhoodId, 0L))
					.with("change.field.boundary", before.boundarySources().getOrDefault(neighbourhoodId, NO_BOUNDARY))
					.with("change.field.postcodes-in", "")
					.with("change.field.postcodes-in-from-outside", "")
					.with("change.field.postcodes-out", "")
					.with("change.field.postcodes-out-to-outside", "")
					.build(),
					Snapshot.of()
						.with("change.field.postcodes", after.getOrDefault(neighbourhoodId, 0L))
						.with("change.field.boundary", sourcesAfter.getOrDefault(neighbourhoodId, NO_BOUNDARY))
						.with("change.field.postcodes-in", truncate(String.join("; ", movedIn), 2000))
						.with("change.field.postcodes-in-from-outside",
								truncate(String.join("; ", cameFromOutside), 2000))
						.with("change.field.postcodes-out", truncate(String.join("; ", movedOut), 2000))
						.with("change.field.postcodes-out-to-outside", truncate(String.join("; ", wentOutside), 2000))
						.build());
		}
	}

	private Map<Long, Phrase> boundarySources() {
		Map<Long, Phrase> sources = new HashMap<>();
		this.jdbc.query("select neighbourhood_id, source, source_args from neighbourhood_boundary", (row) -> {
			sources.put(row.getLong("neighbourhood_id"), BoundarySources.read(row));
		});
		return sources;
	}

	/**
	 * "Riverside: 3 (LE1 1AA, LE1 1AB, LE1 1AD)": the field's label says whether they
	 * came from there or went there.
	 */
	private static String describe(CoverageAssigner.Move move, @Nullable String neighbourhood) {
		return neighbourhood + ": " + describe(move);
	}

	/** "3 (LE1 1AA, LE1 1AB, LE1 1AD)" */
	private static String describe(CoverageAssigner.Move move) {
		return "%,d (%s%s)".formatted(move.postcodes(), String.join(", ", move.examples()),
				(move.postcodes() > move.examples().size()) ? ", …" : "");
	}

	private static String truncate(String text, int length) {
		return CoverageJobs.truncate(text, length);
	}

}

package uk.yourarea.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.security.StaffUser;

/**
 * The change records of an applied upload (audit): one for the whole force's coverage and
 * one for each neighbourhood whose postcodes or boundary it changed, on the transaction
 * that applies it.
 */
@Component
class CoverageChangeRecords {

	/** The subject id of records about the whole force's coverage. */
	static final long WHOLE_FORCE = 0;

	/** The coverage before an upload is applied, to record beside what it became. */
	record Before(Map<Long, Long> postcodes, PostcodeTable.ForceCounts force, Map<Long, String> boundarySources) {
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
		String action = truncate(
				((job.kind() == CoverageJob.Kind.POSTCODES) ? "Postcode file applied: " : "Boundaries applied: ")
						+ job.fileName(),
				100);
		Map<Long, Long> after = this.postcodes.livePostcodesPerNeighbourhood();
		Map<Long, String> sourcesAfter = boundarySources();
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
		this.changes.record(by, new Subject("coverage", WHOLE_FORCE, "Postcode coverage of the force", null), action,
				Snapshot.of()
					.with("Upload", "")
					.with("Live postcodes in the force area", before.force().live())
					.with("Postcodes in a neighbourhood", before.force().inNeighbourhood())
					.with("Postcodes outside every neighbourhood", before.force().outside())
					.with("Postcodes that changed neighbourhood", "")
					.build(),
				Snapshot.of()
					.with("Upload", job.fileName())
					.with("Live postcodes in the force area", coverage.postcodesInForceArea())
					.with("Postcodes in a neighbourhood", coverage.assigned())
					.with("Postcodes outside every neighbourhood", coverage.unassigned())
					.with("Postcodes that changed neighbourhood", coverage.changed())
					.build());
		for (long neighbourhoodId : touched) {
			CoverageNeighbourhoods.Choice neighbourhood = names.get(neighbourhoodId);
			if (neighbourhood == null) {
				continue;
			}
			List<String> movedIn = new ArrayList<>();
			List<String> movedOut = new ArrayList<>();
			for (CoverageAssigner.Move move : moves) {
				if (Objects.equals(move.toId(), neighbourhoodId)) {
					movedIn.add(describe(move, "from " + CoverageNeighbourhoods.nameOf(move.fromId(), names)));
				}
				if (Objects.equals(move.fromId(), neighbourhoodId)) {
					movedOut.add(describe(move, "to " + CoverageNeighbourhoods.nameOf(move.toId(), names)));
				}
			}
			this.changes.record(by,
					new Subject("coverage", neighbourhoodId, "Coverage of " + neighbourhood.name(), neighbourhoodId),
					action,
					Snapshot.of()
						.with("Postcodes", before.postcodes().getOrDefault(neighbourhoodId, 0L))
						.with("Boundary", before.boundarySources().getOrDefault(neighbourhoodId, "None"))
						.with("Postcodes that came in", "")
						.with("Postcodes that went out", "")
						.build(),
					Snapshot.of()
						.with("Postcodes", after.getOrDefault(neighbourhoodId, 0L))
						.with("Boundary", sourcesAfter.getOrDefault(neighbourhoodId, "None"))
						.with("Postcodes that came in", truncate(String.join("; ", movedIn), 2000))
						.with("Postcodes that went out", truncate(String.join("; ", movedOut), 2000))
						.build());
		}
	}

	private Map<Long, String> boundarySources() {
		Map<Long, String> sources = new HashMap<>();
		this.jdbc.query("select neighbourhood_id, source from neighbourhood_boundary", (row) -> {
			sources.put(row.getLong(1), row.getString(2));
		});
		return sources;
	}

	/** "3 from Riverside (LE1 1AA, LE1 1AB, LE1 1AD)" */
	private static String describe(CoverageAssigner.Move move, String fromOrTo) {
		return "%,d %s (%s%s)".formatted(move.postcodes(), fromOrTo, String.join(", ", move.examples()),
				(move.postcodes() > move.examples().size()) ? ", …" : "");
	}

	private static String truncate(String text, int length) {
		return CoverageJobs.truncate(text, length);
	}

}

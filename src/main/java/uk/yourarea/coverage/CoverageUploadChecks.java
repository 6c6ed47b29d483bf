package uk.yourarea.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import uk.yourarea.web.FormError;

/**
 * What is wrong with an uploaded postcode or boundary file, in the words of
 * staff.properties ({@code coverage.upload.*}, {@code coverage.file.*}), before any job
 * is started: its name, its size, what it unpacks to ({@link FileLimits}), whether it is
 * a file we read, and for boundaries, which neighbourhood each is for.
 */
@Component
class CoverageUploadChecks {

	/** What a boundary upload gives each neighbourhood, or why it cannot be used. */
	record BoundaryCheck(List<FormError> errors, List<String> problems,
			Map<Long, CoverageImports.BoundaryUpload> boundaries) {

		static BoundaryCheck refused(FormError error, List<String> problems) {
			return new BoundaryCheck(List.of(error), problems, Map.of());
		}

	}

	/** What a ward names upload gives, or why it cannot be used (every problem found). */
	record WardCheck(List<FormError> errors, List<String> problems, WardNameLookup.@Nullable Lookup lookup) {

		static WardCheck refused(String error, List<String> problems) {
			return new WardCheck(List.of(new FormError("file", error)), problems, null);
		}

	}

	private final CoverageProperties properties;

	private final FileLimits limits;

	private final MessageSource messages;

	CoverageUploadChecks(CoverageProperties properties, FileLimits limits, MessageSource messages) {
		this.properties = properties;
		this.limits = limits;
		this.messages = messages;
	}

	/** Why a postcode upload cannot even be kept, or null. */
	@Nullable String postcodeFileProblem(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty() || fileName(file).isBlank()) {
			return text("coverage.upload.postcodes.none");
		}
		if (UploadedFiles.packingOf(fileName(file)) == null) {
			return text("coverage.upload.postcodes.type");
		}
		if (file.getSize() > this.properties.maxPostcodeFileSize().toBytes()) {
			return text("coverage.upload.too-large",
					String.valueOf(this.properties.maxPostcodeFileSize().toMegabytes()));
		}
		return null;
	}

	/**
	 * Why a kept file is not a postcode file we read, or passes a limit on what it
	 * unpacks to; null when neither.
	 */
	@Nullable String unreadablePostcodeFile(Path file, String fileName) {
		UploadedFiles.Packing packing = Objects.requireNonNull(UploadedFiles.packingOf(fileName));
		try {
			UploadedFiles.check(file, packing, this.limits);
			PostcodeImporter.recognise(UploadedFiles.firstLine(file, packing, this.limits));
			return null;
		}
		catch (FileLimits.Exceeded ex) {
			return ex.getMessage();
		}
		catch (IllegalArgumentException ex) {
			return text("coverage.upload.postcodes.not-recognised", words(ex));
		}
	}

	/**
	 * Reads a boundary upload and finds each boundary's neighbourhood: the one chosen, or
	 * else the one each boundary names.
	 * @param chosen the neighbourhood chosen on the form, if one was
	 */
	BoundaryCheck boundaries(@Nullable MultipartFile file, Optional<CoverageNeighbourhoods.Choice> chosen,
			List<CoverageNeighbourhoods.Choice> neighbourhoods) {
		String problem = boundaryFileProblem(file);
		if (problem != null) {
			return BoundaryCheck.refused(new FormError("file", problem), List.of());
		}
		List<BoundaryFiles.Feature> features;
		try {
			features = BoundaryFiles.read(fileName(file), bytes(file),
					this.limits.forBoundaries(this.properties.maxBoundaryFileSize()));
		}
		catch (FileLimits.Exceeded ex) {
			return BoundaryCheck.refused(new FormError("file", ex.getMessage()), List.of());
		}
		catch (BoundaryFiles.Problems ex) {
			List<String> problems = ex.problems().stream().map(this::text).toList();
			return BoundaryCheck.refused(new FormError("file", summary(problems)), problems);
		}
		Map<Long, List<BoundaryFiles.Feature>> byNeighbourhood = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		if (chosen.isPresent()) {
			byNeighbourhood.put(chosen.get().id(), features);
		}
		else {
			for (BoundaryFiles.Feature feature : features) {
				Optional<CoverageNeighbourhoods.Choice> match = CoverageNeighbourhoods.match(feature.names(),
						neighbourhoods);
				if (match.isEmpty()) {
					problems.add(feature.names().isEmpty() ? text("coverage.upload.boundaries.unnamed", feature.label())
							: text("coverage.upload.boundaries.unknown", feature.label(), String.join(", ",
									feature.names().stream().map((name) -> "\"" + name + "\"").toList())));
				}
				else {
					byNeighbourhood.computeIfAbsent(match.get().id(), (id) -> new ArrayList<>()).add(feature);
				}
			}
		}
		if (!problems.isEmpty()) {
			String message = (problems.size() == 1) ? problems.get(0)
					: text("coverage.upload.boundaries.unknown-several", String.valueOf(problems.size()));
			return BoundaryCheck.refused(new FormError("file", message), problems);
		}
		Map<Long, CoverageImports.BoundaryUpload> boundaries = new LinkedHashMap<>();
		byNeighbourhood.forEach((id, parts) -> {
			Geometry merged = Boundaries.GEOMETRY
				.buildGeometry(parts.stream().map(BoundaryFiles.Feature::geometry).toList())
				.union();
			boundaries.put(id, new CoverageImports.BoundaryUpload(
					String.join("; ", parts.stream().map((part) -> text(part.label())).toList()), merged));
		});
		return new BoundaryCheck(List.of(), List.of(), boundaries);
	}

	/** Why a boundary upload cannot be read at all, or null. */
	@Nullable String boundaryFileProblem(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty() || fileName(file).isBlank()) {
			return text("coverage.upload.boundaries.none");
		}
		if (!BoundaryFiles.isBoundaryFileName(fileName(file))) {
			return text("coverage.upload.boundaries.type");
		}
		if (file.getSize() > this.properties.maxBoundaryFileSize().toBytes()) {
			return text("coverage.upload.too-large",
					String.valueOf(this.properties.maxBoundaryFileSize().toMegabytes()));
		}
		return null;
	}

	/** Reads a ward names upload whole, or says why it cannot be used. */
	WardCheck wardNames(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty() || fileName(file).isBlank()) {
			return WardCheck.refused(text("coverage.upload.wards.none"), List.of());
		}
		if (!fileName(file).toLowerCase(Locale.ROOT).endsWith(".csv")) {
			return WardCheck.refused(text("coverage.upload.wards.type"), List.of());
		}
		if (file.getSize() > this.properties.maxWardFileSize().toBytes()) {
			return WardCheck.refused(
					text("coverage.upload.too-large", String.valueOf(this.properties.maxWardFileSize().toMegabytes())),
					List.of());
		}
		try {
			return new WardCheck(List.of(), List.of(), WardNameLookup.read(bytes(file)));
		}
		catch (WardNameLookup.Refused ex) {
			List<String> problems = ex.problems()
				.stream()
				.map((problem) -> text(problem.key(), problem.arguments().toArray()))
				.toList();
			String error = (problems.size() == 1) ? text("coverage.upload.wards.cannot-use", problems.get(0))
					: text("coverage.upload.wards.problems", String.valueOf(problems.size()));
			return WardCheck.refused(error, (problems.size() == 1) ? List.of() : problems);
		}
	}

	String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.UK);
	}

	String text(MessageSourceResolvable words) {
		return this.messages.getMessage(words, Locale.UK);
	}

	/**
	 * Why a file cannot be read: in the bundle's words when the reader gave them
	 * ({@link FileProblem}), else as the exception says it.
	 */
	private String words(IllegalArgumentException ex) {
		return (ex instanceof MessageSourceResolvable problem) ? text(problem) : String.valueOf(ex.getMessage());
	}

	private String summary(List<String> problems) {
		return (problems.size() == 1) ? text("coverage.upload.boundaries.cannot-use", problems.get(0))
				: text("coverage.upload.boundaries.problems", String.valueOf(problems.size()));
	}

	/** The file's own name: some browsers send the whole path. */
	static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null) {
			return "";
		}
		return name.replaceAll(".*[/\\\\]", "").strip();
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

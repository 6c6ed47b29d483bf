package uk.yourarea.coverage;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Settings for coverage uploads.
 *
 * @param uploadDirectory where uploaded postcode files wait between preview and apply
 * (with several instances, a folder they share); empty for a folder under the system's
 * temporary folder
 * @param maxPostcodeFileSize the largest postcode file accepted (the request size limit
 * for the upload routes follows it)
 * @param maxBoundaryFileSize the largest boundary file accepted (read whole into memory)
 * @param heartbeat how often a working import says it is alive
 * @param interruptedAfter how long without a heartbeat before an import counts as
 * interrupted (the application stopped under it)
 * @param maxZipEntries the most files a zip may have (postcodes or boundaries)
 * @param maxUnpackedSize the most a postcode file may unpack to (all its CSV files, and
 * anything else in a zip, together); the national ONSPD is about 1.5 GB
 * @param maxCompressionRatio how many times its own size a packed file may unpack to
 * (real CSV files compress about ten times)
 * @param maxLineLength the longest line of a postcode file, in characters
 * @param maxBoundaryPoints the most points one boundary upload may have, over all its
 * boundaries (a boundary file is read whole into memory)
 * @param maxWardFileSize the largest ward names file accepted (read whole into memory;
 * ONS's lookup of every ward in the UK is under 1 MB); within the 8 MB every staff form
 * but the postcode and boundary uploads is held to
 */
@ConfigurationProperties("yourarea.coverage")
record CoverageProperties(@DefaultValue("") String uploadDirectory, @DefaultValue("200MB") DataSize maxPostcodeFileSize,
		@DefaultValue("50MB") DataSize maxBoundaryFileSize, @DefaultValue("5s") Duration heartbeat,
		@DefaultValue("60s") Duration interruptedAfter, @DefaultValue("1000") int maxZipEntries,
		@DefaultValue("3GB") DataSize maxUnpackedSize, @DefaultValue("100") int maxCompressionRatio,
		@DefaultValue("10000") int maxLineLength, @DefaultValue("250000") int maxBoundaryPoints,
		@DefaultValue("5MB") DataSize maxWardFileSize) {

	/** The settings as they are when nothing is set. */
	static CoverageProperties defaults() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("yourarea.coverage",
				CoverageProperties.class);
	}

	Path uploadPath() {
		return this.uploadDirectory.isBlank()
				? Path.of(System.getProperty("java.io.tmpdir"), "yourarea-coverage-uploads")
				: Path.of(this.uploadDirectory);
	}

}

package uk.yourarea.postcode;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
 */
@ConfigurationProperties("yourarea.coverage")
record CoverageProperties(@DefaultValue("") String uploadDirectory, @DefaultValue("200MB") DataSize maxPostcodeFileSize,
		@DefaultValue("50MB") DataSize maxBoundaryFileSize, @DefaultValue("5s") Duration heartbeat,
		@DefaultValue("60s") Duration interruptedAfter) {

	Path uploadPath() {
		return this.uploadDirectory.isBlank()
				? Path.of(System.getProperty("java.io.tmpdir"), "yourarea-coverage-uploads")
				: Path.of(this.uploadDirectory);
	}

}

package uk.yourarea.team;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

import uk.yourarea.web.FormError;

/**
 * The photo file sent with the photo form, checked: ready to save, none (keeping the
 * photo there is and changing only its description), or its problem.
 *
 * @param prepared the photo to save, or null when none was sent or it was refused
 * @param problem what is wrong with the file, or null
 */
record PhotoUpload(PhotoChecks.@Nullable Prepared prepared, @Nullable FormError problem) {

	/**
	 * @param file the file part, if any
	 * @param hasPhoto whether the member has a photo already, so that none need be sent
	 */
	static PhotoUpload check(@Nullable MultipartFile file, boolean hasPhoto) {
		if (file == null || file.isEmpty()) {
			String original = (file != null) ? file.getOriginalFilename() : null;
			if (original != null && !original.isBlank()) {
				return refused(PhotoChecks.Problem.EMPTY.message());
			}
			return hasPhoto ? new PhotoUpload(null, null) : refused("Select a photo");
		}
		if (file.getSize() > PhotoChecks.MAX_BYTES) {
			return refused(PhotoChecks.Problem.TOO_BIG.message());
		}
		try {
			return new PhotoUpload(PhotoChecks.prepare(file.getBytes()), null);
		}
		catch (PhotoChecks.Rejected ex) {
			return refused(ex.problem().message());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PhotoUpload refused(String message) {
		return new PhotoUpload(null, new FormError("photo", message));
	}

}

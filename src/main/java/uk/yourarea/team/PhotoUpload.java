package uk.yourarea.team;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/**
 * The photo file sent with the photo form, checked: ready to save, none (keeping the
 * photo there is and changing only its description), or its problem.
 *
 * @param prepared the photo to save, or null when none was sent or it was refused
 * @param problemKey the bundle's key of what is wrong with the file, or null
 */
record PhotoUpload(PhotoChecks.@Nullable Prepared prepared, @Nullable String problemKey) {

	/**
	 * @param file the file part, if any
	 * @param hasPhoto whether the member has a photo already, so that none need be sent
	 */
	static PhotoUpload check(@Nullable MultipartFile file, boolean hasPhoto) {
		if (file == null || file.isEmpty()) {
			String original = (file != null) ? file.getOriginalFilename() : null;
			if (original != null && !original.isBlank()) {
				return refused(PhotoChecks.Problem.EMPTY.messageKey());
			}
			return hasPhoto ? new PhotoUpload(null, null) : refused("team.photo.file.required");
		}
		if (file.getSize() > PhotoChecks.MAX_BYTES) {
			return refused(PhotoChecks.Problem.TOO_BIG.messageKey());
		}
		try {
			return new PhotoUpload(PhotoChecks.prepare(file.getBytes()), null);
		}
		catch (PhotoChecks.Rejected ex) {
			return refused(ex.problem().messageKey());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PhotoUpload refused(String problemKey) {
		return new PhotoUpload(null, problemKey);
	}

}

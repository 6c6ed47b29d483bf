package uk.yourarea.team;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.yourarea.web.NotFoundException;

/**
 * Serves team members' photos to everyone. The address holds the content hash, so a photo
 * at an address never changes: browsers and shared caches may keep it for a year.
 * {@code X-Content-Type-Options: nosniff} comes with every response (the site's security
 * headers filter), so a browser never takes a photo for anything but a JPEG.
 */
@Controller
class PhotoController {

	private final Photos photos;

	PhotoController(Photos photos) {
		this.photos = photos;
	}

	@GetMapping("/photos/{hash:[0-9a-f]{64}}-{width:[0-9]{1,4}}.jpg")
	ResponseEntity<byte[]> photo(@PathVariable String hash, @PathVariable int width) {
		byte[] jpeg = this.photos.jpeg(hash, width).orElseThrow(() -> new NotFoundException("No such photo"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.body(jpeg);
	}

}

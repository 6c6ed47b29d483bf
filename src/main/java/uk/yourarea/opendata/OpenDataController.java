package uk.yourarea.opendata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.yourarea.postcode.Postcode;
import uk.yourarea.web.SiteProperties;

/**
 * The open data API: data.police.uk's neighbourhood paths under {@code /api}, and the
 * extensions. Every answer is public and cacheable like a public page (an ETag comes from
 * {@link OpenDataCaching}), readable from any web page
 * ({@code Access-Control-Allow-Origin:
 * *}), and sets no cookie.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
// Answers a browser's preflight (a script sending If-None-Match itself asks first).
@CrossOrigin(origins = "*", methods = RequestMethod.GET, maxAge = 86400)
class OpenDataController {

	/** {@code lat,lng} in decimal degrees. */
	private static final Pattern POINT = Pattern
		.compile("\\s*([-+]?[0-9]{1,3}(?:\\.[0-9]{1,15})?)\\s*,\\s*([-+]?[0-9]{1,3}(?:\\.[0-9]{1,15})?)\\s*");

	private final OpenData data;

	private final SiteProperties site;

	private final MessageSource messages;

	OpenDataController(OpenData data, SiteProperties site, MessageSource messages) {
		this.data = data;
		this.site = site;
		this.messages = messages;
	}

	@GetMapping("/forces")
	ResponseEntity<List<PoliceUkJson.Reference>> forces() {
		return ok(this.data.forces());
	}

	@GetMapping("/forces/{force}")
	ResponseEntity<PoliceUkJson.Force> force(@PathVariable String force) {
		ours(force);
		return ok(this.data.force());
	}

	@GetMapping("/{force}/neighbourhoods")
	ResponseEntity<List<PoliceUkJson.Reference>> neighbourhoods(@PathVariable String force) {
		ours(force);
		return ok(this.data.neighbourhoods());
	}

	@GetMapping("/{force}/{id}")
	ResponseEntity<PoliceUkJson.Neighbourhood> neighbourhood(@PathVariable String force, @PathVariable String id) {
		ours(force);
		return ok(found(this.data.neighbourhood(id)));
	}

	@GetMapping("/{force}/{id}/boundary")
	ResponseEntity<List<PoliceUkJson.Point>> boundary(@PathVariable String force, @PathVariable String id) {
		ours(force);
		return ok(found(this.data.boundary(id)));
	}

	@GetMapping("/{force}/{id}/people")
	ResponseEntity<List<PoliceUkJson.Person>> people(@PathVariable String force, @PathVariable String id) {
		ours(force);
		return ok(found(this.data.people(id)));
	}

	@GetMapping("/{force}/{id}/priorities")
	ResponseEntity<List<PoliceUkJson.Priority>> priorities(@PathVariable String force, @PathVariable String id) {
		ours(force);
		return ok(found(this.data.priorities(id)));
	}

	@GetMapping("/{force}/{id}/events")
	ResponseEntity<List<PoliceUkJson.Event>> events(@PathVariable String force, @PathVariable String id) {
		ours(force);
		return ok(found(this.data.events(id)));
	}

	/** An extension: how the team has answered its messages. */
	@GetMapping("/{force}/{id}/response-record")
	ResponseEntity<PoliceUkJson.ResponseRecord> responseRecord(@PathVariable String force, @PathVariable String id) {
		ours(force);
		return ok(found(this.data.responseRecord(id)));
	}

	@GetMapping("/locate-neighbourhood")
	ResponseEntity<PoliceUkJson.Located> locate(@RequestParam(name = "q", required = false) @Nullable String q) {
		Matcher point = POINT.matcher((q != null) ? q : "");
		if (!point.matches()) {
			throw new BadRequest("open-data.error.malformed-point");
		}
		double latitude = Double.parseDouble(point.group(1));
		double longitude = Double.parseDouble(point.group(2));
		if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
			throw new BadRequest("open-data.error.malformed-point");
		}
		return ok(
				this.data.locate(latitude, longitude).orElseThrow(() -> new NotFound("open-data.error.point-outside")));
	}

	/** An extension: the neighbourhood a postcode is in. */
	@GetMapping("/postcode/{postcode}")
	ResponseEntity<PoliceUkJson.Located> postcode(@PathVariable String postcode) {
		Postcode parsed = Postcode.parse(postcode)
			.orElseThrow(() -> new BadRequest("open-data.error.malformed-postcode"));
		return ok(this.data.postcode(parsed).orElseThrow(() -> new NotFound("open-data.error.unknown-postcode")));
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<PoliceUkJson.Error> notFound(NotFound problem) {
		return error(HttpStatus.NOT_FOUND, problem.getMessage());
	}

	@ExceptionHandler(BadRequest.class)
	ResponseEntity<PoliceUkJson.Error> badRequest(BadRequest problem) {
		return error(HttpStatus.BAD_REQUEST, problem.getMessage());
	}

	private void ours(String force) {
		if (!this.data.isOurs(force)) {
			throw new NotFound("open-data.error.unknown-force");
		}
	}

	private static <T> T found(Optional<T> answer) {
		return answer.orElseThrow(() -> new NotFound("open-data.error.unknown-neighbourhood"));
	}

	private <T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, this.site.publicCacheControl())
			.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.body(body);
	}

	private ResponseEntity<PoliceUkJson.Error> error(HttpStatus status, String key) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.body(new PoliceUkJson.Error(status.value(), this.messages.getMessage(key, null, Locale.UK)));
	}

	/** No such force, neighbourhood or place: a 404, as on data.police.uk. */
	static final class NotFound extends RuntimeException {

		NotFound(String messageKey) {
			super(messageKey, null, false, false);
		}

	}

	/** A malformed point or postcode: a 400 with a JSON body. */
	static final class BadRequest extends RuntimeException {

		BadRequest(String messageKey) {
			super(messageKey, null, false, false);
		}

	}

}

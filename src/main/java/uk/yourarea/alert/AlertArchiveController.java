package uk.yourarea.alert;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.web.Languages;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.SiteProperties;

/**
 * Each published alert at its own address in its neighbourhood's archive, and the archive
 * as an Atom feed. Both are public and cacheable like the Your Area page: they hold no
 * form and nothing personal. (The archive's list is on the subscribe page,
 * {@link SubscribeController}.)
 */
@Controller
class AlertArchiveController {

	static final MediaType ATOM_XML = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

	/** Longer than this, a path segment is no alert's id. */
	private static final String ID = "[0-9]{1,18}";

	private final NeighbourhoodDirectory neighbourhoods;

	private final AlertArchive archive;

	private final AlertFeed feed;

	private final SiteProperties site;

	AlertArchiveController(NeighbourhoodDirectory neighbourhoods, AlertArchive archive, AlertFeed feed,
			SiteProperties site) {
		this.neighbourhoods = neighbourhoods;
		this.archive = archive;
		this.feed = feed;
		this.site = site;
	}

	@GetMapping("/area/{slug}/alerts/{id}")
	String alert(@PathVariable String slug, @PathVariable String id, Model model, HttpServletResponse response) {
		NeighbourhoodSummary neighbourhood = neighbourhood(slug);
		if (!id.matches(ID)) {
			throw new NotFoundException("No alert " + id);
		}
		AlertArchive.Shown alert = this.archive.alert(Long.parseLong(id), neighbourhood.id())
			.orElseThrow(() -> new NotFoundException("No alert " + id + " in " + slug));
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("alert", alert);
		model.addAttribute("atomFeed", AlertFeed.feedOf(neighbourhood.slug()));
		response.setHeader(HttpHeaders.CACHE_CONTROL, this.site.publicCacheControl());
		return "alert/alert";
	}

	@GetMapping("/area/{slug}/alerts.atom")
	ResponseEntity<byte[]> feed(@PathVariable String slug) {
		NeighbourhoodSummary neighbourhood = neighbourhood(slug);
		byte[] body = this.feed.write(neighbourhood, this.archive.newest(neighbourhood.id()))
			.getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(ATOM_XML)
			.header(HttpHeaders.CACHE_CONTROL, this.site.publicCacheControl())
			.body(body);
	}

	private NeighbourhoodSummary neighbourhood(String slug) {
		return this.neighbourhoods.liveBySlug(slug, Languages.current())
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + slug));
	}

}

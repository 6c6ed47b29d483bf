package uk.yourarea.area;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

import uk.yourarea.area.AreaView.EventView;
import uk.yourarea.web.Languages;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.QrCodes;
import uk.yourarea.web.SiteProperties;

/**
 * A neighbourhood's poster for a noticeboard: one A4 page, printed from the browser, with
 * the team, how to reach it, its priorities, its next events and a QR code of its Your
 * Area page. It reads the same cached content as the Your Area page ({@link AreaPages}),
 * so it is as up to date as the page and costs no more. A renamed neighbourhood's old
 * address redirects, and a retired one's is gone, as for every page under
 * {@code /area/{slug}} ({@link MovedAndRetiredNeighbourhoods}).
 */
@Controller
class PosterController {

	/** The events a poster shows: the next few, so that it stays on one page. */
	static final int EVENTS_SHOWN = 3;

	private final AreaPages pages;

	private final SiteProperties site;

	PosterController(AreaPages pages, SiteProperties site) {
		this.pages = pages;
		this.site = site;
	}

	@GetMapping("/area/{slug}/poster")
	String poster(@PathVariable String slug, Model model) {
		AreaView view = this.pages.find(slug).orElseThrow(() -> new NotFoundException("No neighbourhood " + slug));
		String address = publicAddress(this.site, view.neighbourhood().slug());
		model.addAttribute("area", view);
		model.addAttribute("pageAddress", address);
		model.addAttribute("contactAddress", address + "/contact");
		model.addAttribute("qrCode", QrCodes.dataUri(address));
		model.addAttribute("events", nextEvents(view.events()));
		return "area/poster";
	}

	/**
	 * The full address of a neighbourhood's Your Area page, as a QR code opens it: the
	 * Welsh page for a Welsh poster.
	 */
	static String publicAddress(SiteProperties site, String slug) {
		return site.link(Languages.pathPrefix(Languages.current())
				+ AreaController.pageOf(UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8)));
	}

	/**
	 * The next events that are still going ahead: a poster stays on a noticeboard for
	 * weeks, so it never lists a cancelled one.
	 */
	static List<EventView> nextEvents(List<EventView> events) {
		return events.stream().filter((event) -> !event.cancelled()).limit(EVENTS_SHOWN).toList();
	}

}

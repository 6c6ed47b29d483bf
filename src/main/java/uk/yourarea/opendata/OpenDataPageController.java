package uk.yourarea.opendata;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.yourarea.web.SiteProperties;

/** The page for people about the open data: what it is, its licence and examples. */
@Controller
class OpenDataPageController {

	private final OpenData data;

	private final SiteProperties site;

	OpenDataPageController(OpenData data, SiteProperties site) {
		this.data = data;
		this.site = site;
	}

	@GetMapping("/api")
	String page(Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, this.site.publicCacheControl());
		model.addAttribute("forceId", this.data.forceId());
		model.addAttribute("apiBase", this.site.link("/api"));
		// Examples from the data itself: the first neighbourhood, and a point inside it.
		this.data.neighbourhoods().stream().findFirst().ifPresent((first) -> {
			model.addAttribute("exampleId", first.id());
			this.data.neighbourhood(first.id())
				.map(PoliceUkJson.Neighbourhood::centre)
				.filter((centre) -> centre.latitude() != null)
				.ifPresent(
						(centre) -> model.addAttribute("examplePoint", centre.latitude() + "," + centre.longitude()));
		});
		return "opendata/api";
	}

}

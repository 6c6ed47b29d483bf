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
		// Examples from the data itself.
		this.data.example().ifPresent((example) -> {
			model.addAttribute("exampleId", example.id());
			model.addAttribute("examplePoint", example.point());
		});
		return "opendata/api";
	}

}

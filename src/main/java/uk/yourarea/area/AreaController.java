package uk.yourarea.area;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import uk.yourarea.map.NeighbourhoodMaps;
import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.neighbourhood.PublicNeighbourhoods.AreaHeading;
import uk.yourarea.neighbourhood.PublicNeighbourhoods.Listed;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.web.FormError;
import uk.yourarea.web.Languages;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.PlainTextCharacters;
import uk.yourarea.web.RenderedPageCache;

/** The resident's way in: find a neighbourhood by postcode, browse them all, read one. */
@Controller
class AreaController {

	/**
	 * A to Z as people read it, whatever the database's collation: "Harborough and…"
	 * before "Harborough North".
	 */
	private static final Collator A_TO_Z = Collator.getInstance(Locale.UK);

	static final String FIND_YOUR_AREA = "/find-your-area";

	private final PostcodeLookup lookup;

	private final PublicNeighbourhoods neighbourhoods;

	private final AreaPages pages;

	private final NeighbourhoodMaps maps;

	private final Clock clock;

	private final MessageSource messages;

	AreaController(PostcodeLookup lookup, PublicNeighbourhoods neighbourhoods, AreaPages pages, NeighbourhoodMaps maps,
			Clock clock, MessageSource messages) {
		this.lookup = lookup;
		this.neighbourhoods = neighbourhoods;
		this.pages = pages;
		this.maps = maps;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("postcode", "");
		model.addAttribute("errors", List.of());
		return "area/find";
	}

	@GetMapping(FIND_YOUR_AREA)
	ModelAndView find(@Valid PostcodeSearch search, BindingResult result, HttpServletResponse response) {
		String typed = search.postcode();
		String text = (typed != null) ? typed.strip() : "";
		FieldError refused = result.getFieldError("postcode");
		if (refused != null) {
			// Nobody types these: a 400 (set here, so that the page is not cached), with
			// the form shown again without the line breaks and hidden characters, as the
			// message says.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return findAgain(PlainTextCharacters.withoutRefused(text, true).strip(),
					String.valueOf(refused.getDefaultMessage()));
		}
		if (text.isEmpty()) {
			return findAgain(text, message("area.find.postcode.required"));
		}
		Optional<Postcode> postcode = Postcode.parse(text);
		if (postcode.isPresent()) {
			return answer(this.lookup.find(postcode.get()));
		}
		Optional<String> outwardCode = Postcode.parseOutwardCode(text);
		if (outwardCode.isPresent()) {
			return outwardCode(outwardCode.get());
		}
		return findAgain(text, message("area.find.postcode.not-full"));
	}

	private ModelAndView findAgain(String typed, String message) {
		ModelAndView page = new ModelAndView("area/find");
		page.addObject("postcode", typed);
		page.addObject("errors", List.of(new FormError("postcode", message)));
		return page;
	}

	private ModelAndView answer(PostcodeLookup.Result result) {
		if (result instanceof PostcodeLookup.Result.InNeighbourhood found) {
			if (found.retired()) {
				// Not covered until the postcode is given to another neighbourhood.
				return new ModelAndView("area/postcode-not-covered", Map.of("postcode", found.postcode().value()));
			}
			// PostcodeRedirects answers these before Spring MVC; the same answer here.
			RedirectView redirect = new RedirectView(pageOf(found.slug()), true);
			redirect.setStatusCode(HttpStatus.SEE_OTHER);
			return new ModelAndView(redirect);
		}
		if (result instanceof PostcodeLookup.Result.OutsideEveryNeighbourhood outside) {
			// We police it, so not another force's page: no team has it yet.
			return new ModelAndView("area/postcode-not-covered", Map.of("postcode", outside.postcode().value()));
		}
		if (result instanceof PostcodeLookup.Result.Terminated terminated) {
			return new ModelAndView("area/postcode-terminated", Map.of("postcode", terminated.postcode().value()));
		}
		boolean known = result instanceof PostcodeLookup.Result.NotOurs;
		return new ModelAndView("area/postcode-not-ours",
				Map.of("postcode", result.postcode().value(), "known", known));
	}

	/** The address of a neighbourhood's Your Area page, within the site. */
	static String pageOf(String slug) {
		return "/area/" + slug;
	}

	private ModelAndView outwardCode(String outwardCode) {
		List<Listed> covering = new ArrayList<>(
				this.neighbourhoods.coveringOutwardCode(outwardCode, Languages.current()));
		covering.sort(Comparator.comparing(Listed::name, A_TO_Z));
		if (covering.isEmpty()) {
			return new ModelAndView("area/postcode-not-ours",
					Map.of("postcode", outwardCode, "known", this.lookup.knowsOutwardCode(outwardCode)));
		}
		return new ModelAndView("area/outward-code", Map.of("outwardCode", outwardCode, "neighbourhoods", covering));
	}

	@GetMapping("/areas")
	String areas(Model model) {
		Map<AreaHeading, List<Listed>> byArea = new LinkedHashMap<>();
		List<Listed> all = new ArrayList<>(this.neighbourhoods.all(Languages.current()));
		all.sort(Comparator.comparing((Listed n) -> n.area().name(), A_TO_Z).thenComparing(Listed::name, A_TO_Z));
		for (Listed neighbourhood : all) {
			byArea.computeIfAbsent(neighbourhood.area(), (area) -> new ArrayList<>()).add(neighbourhood);
		}
		model.addAttribute("areas", byArea);
		NeighbourhoodMaps.ForceMap map = this.maps.force().orElse(null);
		model.addAttribute("forceMap", map);
		model.addAttribute("approximate",
				(map != null) ? map.outlines()
					.stream()
					.filter(NeighbourhoodMaps.Outline::approximate)
					.map(NeighbourhoodMaps.Outline::neighbourhoodId)
					.collect(Collectors.toSet()) : Set.of());
		return "area/areas";
	}

	@GetMapping("/area/{slug}")
	String area(@PathVariable String slug, Model model, HttpServletRequest request) {
		AreaView view = this.pages.find(slug).orElseThrow(() -> new NotFoundException("No neighbourhood " + slug));
		RenderedPageCache.showsNeighbourhood(request, view.neighbourhood().id());
		model.addAttribute("area", view);
		model.addAttribute("map",
				this.maps
					.of(view.neighbourhood().id(),
							view.stations()
								.stream()
								.map((station) -> new NeighbourhoodMaps.Place(station.name(), station.postcode()))
								.toList())
					.orElse(null));
		model.addAttribute("atomFeed", pageOf(view.neighbourhood().slug()) + "/alerts.atom");
		// The day-dependent parts (stations open today, changes ahead) are worked out
		// now,
		// not when the page was cached, so they are right just after midnight too.
		model.addAttribute("today", LocalDate.now(this.clock));
		return "area/area";
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}

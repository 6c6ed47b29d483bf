package uk.yourarea.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the force and site settings on every page's model for the layout. */
@ControllerAdvice
class SiteModelAttributes {

	private final ForceProperties force;

	private final SiteProperties site;

	SiteModelAttributes(ForceProperties force, SiteProperties site) {
		this.force = force;
		this.site = site;
	}

	@ModelAttribute("force")
	ForceProperties force() {
		return this.force;
	}

	@ModelAttribute("site")
	SiteProperties site() {
		return this.site;
	}

}

package uk.yourarea.web;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the force and site settings on every page's model for the layout. */
@ControllerAdvice
class SiteModelAttributes {

	private final ForceProperties force;

	private final SiteProperties site;

	private final ZoneId zone;

	SiteModelAttributes(ForceProperties force, SiteProperties site, Clock clock) {
		this.force = force;
		this.site = site;
		this.zone = clock.getZone();
	}

	/** The zone times are shown in: {@code ${instant.atZone(zone)}}. */
	@ModelAttribute("zone")
	ZoneId zone() {
		return this.zone;
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

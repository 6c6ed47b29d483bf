package uk.yourarea.dataprotection;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.yourarea.personaldata.RetentionProperties;
import uk.yourarea.personaldata.RetentionWording;

/**
 * The privacy notice. The periods it states come from the retention settings the schedule
 * runs on, so that the notice cannot say one thing while the site does another.
 */
@Controller
class PrivacyNoticeController {

	private final RetentionProperties retention;

	private final RetentionWording wording;

	PrivacyNoticeController(RetentionProperties retention, RetentionWording wording) {
		this.retention = retention;
		this.wording = wording;
	}

	@GetMapping("/privacy")
	String privacy(Model model) {
		Locale locale = Locale.UK;
		model.addAttribute("conversations", this.wording.describe(this.retention.conversations(), locale));
		model.addAttribute("privateLinks", this.wording.describe(this.retention.privateLinks(), locale));
		model.addAttribute("unconfirmed", this.wording.describe(this.retention.unconfirmed(), locale));
		model.addAttribute("consultationEmails", this.wording.describe(this.retention.consultationEmails(), locale));
		model.addAttribute("rateLimits", this.wording.describe(this.retention.rateLimits(), locale));
		model.addAttribute("securityEvents", this.wording.describe(this.retention.securityEvents(), locale));
		return "dataprotection/privacy";
	}

}

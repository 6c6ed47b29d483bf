package uk.yourarea.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement every public service owes its users. (The privacy notice is
 * dataprotection.PrivacyNoticeController's: it states the retention settings.)
 */
@Controller
class InformationPagesController {

	@GetMapping("/accessibility")
	String accessibility() {
		return "web/accessibility";
	}

}

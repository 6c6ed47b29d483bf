package uk.yourarea.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages every public service owes its users: accessibility and privacy. */
@Controller
class InformationPagesController {

	@GetMapping("/accessibility")
	String accessibility() {
		return "web/accessibility";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "web/privacy";
	}

}

package uk.yourarea.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.security.StaffSecurityProperties.SecondFactorPolicy;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.FormError;
import uk.yourarea.web.QrCodes;

/**
 * A member of staff's own second factors: passkeys (named, several, removable), an
 * authenticator app set up from a QR code or its key as text and confirmed with a code,
 * and ten recovery codes shown once. Where a second factor is required, the last one
 * cannot be removed.
 */
@Controller
class SecondFactorSetUpController {

	static final String SET_UP = "/staff/second-factor";

	/**
	 * The key being set up, kept in the session (sealed, as it will be stored) until a
	 * code from the app confirms it.
	 */
	private static final String PENDING_KEY = SecondFactorSetUpController.class.getName() + ".pendingKey";

	private final SecondFactors secondFactors;

	private final SecondFactorGrants grants;

	private final SecurityEvents events;

	private final SecondFactorPolicy policy;

	private final ForceProperties force;

	private final MessageSource messages;

	SecondFactorSetUpController(SecondFactors secondFactors, SecondFactorGrants grants, SecurityEvents events,
			StaffSecurityProperties properties, ForceProperties force, MessageSource messages) {
		this.secondFactors = secondFactors;
		this.grants = grants;
		this.events = events;
		this.policy = properties.secondFactor();
		this.force = force;
		this.messages = messages;
	}

	@GetMapping(SET_UP)
	String overview(@AuthenticationPrincipal StaffUser user, Authentication authentication,
			@RequestParam(name = "passkey-added", required = false) String passkeyAdded, Model model) {
		if (passkeyAdded != null && !model.containsAttribute("done")) {
			model.addAttribute("done", text("security.set-up.passkey.added"));
		}
		model.addAttribute("passkeys", this.secondFactors.passkeys(user.email()));
		model.addAttribute("hasApp", this.secondFactors.hasAuthenticatorApp(user.id()));
		model.addAttribute("recoveryCodesLeft", this.secondFactors.recoveryCodesLeft(user.id()));
		model.addAttribute("required", this.policy == SecondFactorPolicy.REQUIRED);
		model.addAttribute("enrolled", this.secondFactors.enrolled(user.id(), user.email()));
		model.addAttribute("secondStepDone", SecondFactor.provided(authentication.getAuthorities()));
		return "security/second-factor";
	}

	@GetMapping(SET_UP + "/authenticator-app")
	String authenticatorApp(@AuthenticationPrincipal StaffUser user, HttpSession session, Model model) {
		String key = this.secondFactors.newAuthenticatorAppKey();
		session.setAttribute(PENDING_KEY, this.secondFactors.sealedForSetUp(user.id(), key));
		return showApp(user, key, List.of(), model);
	}

	@PostMapping(SET_UP + "/authenticator-app")
	String confirmApp(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String code,
			HttpSession session, Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<String> pending = (session.getAttribute(PENDING_KEY) instanceof String sealed)
				? this.secondFactors.openedForSetUp(user.id(), sealed) : Optional.empty();
		if (pending.isEmpty()) {
			return "redirect:" + SET_UP + "/authenticator-app";
		}
		String key = pending.get();
		if (code.isBlank() || code.length() > 20) {
			return showApp(user, key, List.of(new FormError("code", text("security.set-up.app.error.blank"))), model);
		}
		Optional<List<String>> recoveryCodes = this.secondFactors.confirmAuthenticatorApp(user.id(), key, code);
		if (recoveryCodes.isEmpty()) {
			return showApp(user, key, List.of(new FormError("code", text("security.set-up.app.error.wrong"))), model);
		}
		session.removeAttribute(PENDING_KEY);
		this.events.secondFactorChanged(user, "authenticator app set up", request.getRemoteAddr());
		this.grants.grant(SecondFactor.AUTHENTICATOR_APP, request, response);
		model.addAttribute("codes", recoveryCodes.get());
		model.addAttribute("afterAppSetUp", true);
		return "security/recovery-codes";
	}

	@PostMapping(SET_UP + "/authenticator-app/remove")
	String removeApp(@AuthenticationPrincipal StaffUser user, HttpServletRequest request, RedirectAttributes redirect) {
		if (wouldLeaveNone(user, this.secondFactors.passkeys(user.email()).size(), false)) {
			redirect.addFlashAttribute("problem", text("security.set-up.error.last-factor"));
			return "redirect:" + SET_UP;
		}
		this.secondFactors.removeAuthenticatorApp(user.id());
		this.events.secondFactorChanged(user, "authenticator app removed", request.getRemoteAddr());
		redirect.addFlashAttribute("done", text("security.set-up.app.removed"));
		return "redirect:" + SET_UP;
	}

	@PostMapping(SET_UP + "/recovery-codes")
	String newRecoveryCodes(@AuthenticationPrincipal StaffUser user, HttpServletRequest request, Model model) {
		if (!this.secondFactors.hasAuthenticatorApp(user.id()) && this.secondFactors.passkeys(user.email()).isEmpty()) {
			return "redirect:" + SET_UP;
		}
		model.addAttribute("codes", this.secondFactors.newRecoveryCodes(user.id()));
		model.addAttribute("afterAppSetUp", false);
		this.events.secondFactorChanged(user, "recovery codes replaced", request.getRemoteAddr());
		return "security/recovery-codes";
	}

	@GetMapping(SET_UP + "/passkeys/new")
	String newPasskey(Model model) {
		return "security/new-passkey";
	}

	@PostMapping(SET_UP + "/passkeys/{id}/remove")
	String removePasskey(@AuthenticationPrincipal StaffUser user, @PathVariable String id, HttpServletRequest request,
			RedirectAttributes redirect) {
		int passkeys = this.secondFactors.passkeys(user.email()).size();
		if (wouldLeaveNone(user, passkeys - 1, this.secondFactors.hasAuthenticatorApp(user.id()))) {
			redirect.addFlashAttribute("problem", text("security.set-up.error.last-factor"));
			return "redirect:" + SET_UP;
		}
		if (this.secondFactors.removePasskey(user.email(), id)) {
			this.events.secondFactorChanged(user, "passkey removed", request.getRemoteAddr());
			redirect.addFlashAttribute("done", text("security.set-up.passkey.removed"));
		}
		return "redirect:" + SET_UP;
	}

	private boolean wouldLeaveNone(StaffUser user, int passkeysLeft, boolean appLeft) {
		return this.policy == SecondFactorPolicy.REQUIRED && passkeysLeft <= 0 && !appLeft;
	}

	private String showApp(StaffUser user, String key, List<FormError> errors, Model model) {
		String issuer = this.force.shortName() + " Your Area";
		String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(user.email()) + "?secret=" + key + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
		model.addAttribute("qrCode", QrCodes.dataUri(uri));
		model.addAttribute("key", AuthenticatorAppCodes.grouped(key));
		model.addAttribute("errors", errors);
		return "security/authenticator-app";
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}

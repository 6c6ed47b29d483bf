package uk.yourarea.security;

import org.jspecify.annotations.Nullable;

/**
 * Who the access tests ask as: someone not signed in, and one demo account of each role
 * (the officer belongs to Wigston; the sergeant supervises Wigston's and Oadby's area;
 * the data protection officer has that role alone).
 */
enum Who {

	ANONYMOUS(null), OFFICER("officer.wigston@example.org"), SUPERVISOR("sergeant@example.org"),
	WEB_EDITOR("webeditor@example.org"), ADMIN("admin@example.org"), DATA_PROTECTION("dpo@example.org");

	final @Nullable String email;

	Who(@Nullable String email) {
		this.email = email;
	}

}

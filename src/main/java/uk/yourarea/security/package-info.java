@NullMarked
package uk.yourarea.security;

import org.jspecify.annotations.NullMarked;

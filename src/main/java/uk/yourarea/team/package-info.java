@NullMarked
package uk.yourarea.team;

import org.jspecify.annotations.NullMarked;

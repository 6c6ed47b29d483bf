@NullMarked
package uk.yourarea.inbox;

import org.jspecify.annotations.NullMarked;

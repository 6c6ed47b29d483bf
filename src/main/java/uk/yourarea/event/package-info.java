@NullMarked
package uk.yourarea.event;

import org.jspecify.annotations.NullMarked;

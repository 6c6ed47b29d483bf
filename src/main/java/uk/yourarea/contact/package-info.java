@NullMarked
package uk.yourarea.contact;

import org.jspecify.annotations.NullMarked;

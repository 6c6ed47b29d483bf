@NullMarked
package uk.yourarea.web;

import org.jspecify.annotations.NullMarked;

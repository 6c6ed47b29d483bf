/**
 * Residents' personal data as the force's data protection officer sees it: the retention
 * schedule that erases what is no longer needed, and the desk that finds, exports, erases
 * and holds what is held about one person.
 * <p>
 * Each feature keeps its own personal data and says what it holds through
 * {@link uk.yourarea.personaldata.PersonalDataHolder}; this package never reads their
 * tables.
 */
@NullMarked
package uk.yourarea.dataprotection;

import org.jspecify.annotations.NullMarked;

/**
 * What every feature that keeps residents' personal data shares: how long it is kept
 * ({@link uk.yourarea.personaldata.RetentionProperties}) and how it answers the data
 * protection desk ({@link uk.yourarea.personaldata.PersonalDataHolder},
 * {@link uk.yourarea.personaldata.LegalHolds}). It depends on no other feature, so that
 * any feature can implement it and the desk can ask them all.
 */
@NullMarked
package uk.yourarea.personaldata;

import org.jspecify.annotations.NullMarked;

package uk.yourarea.web;

/**
 * One option of a set of radios or checkboxes: the submitted value and the label people
 * read.
 */
public record Choice(String value, String label) {
}

/**
 * The shape language: how a person writes the load over time (users and spawn rate, a table of stages, or a
 * Groovy script asked each second), and its parsed, validated form, a {@link LoadSchedule}. It knows nothing of
 * running users or of the thread group element, so that the editor's preview, the run and the tests parse a shape
 * the same way, and every refusal names the field as the form shows it.
 */
package dev.orderflow.jmeter.threads.shape;

/**
 * The plan: what load a shape asks for at each moment of a run ({@link LoadPlan}), and the ideal curve of users
 * it draws ({@link PlannedCurve}). A schedule of stages is a pure function of time and a script is asked once a
 * tick, but both answer the same question, so the runner, the editor's preview and the live view follow any shape
 * without knowing which it is.
 */
package dev.orderflow.jmeter.threads.plan;

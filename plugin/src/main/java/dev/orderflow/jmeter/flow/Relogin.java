package dev.orderflow.jmeter.flow;

/**
 * Whether a sample logged its user in again: a step after login whose token the shop refused with 401
 * logs in again once, with the same credentials, and retries its request once.
 */
public enum Relogin {
    /** The token was accepted, or the step took none. */
    NONE,
    /** The shop refused the token; the user logged in again and the request was sent again. */
    SUCCEEDED,
    /** The shop refused the token and logging in again failed: the step failed. */
    FAILED
}

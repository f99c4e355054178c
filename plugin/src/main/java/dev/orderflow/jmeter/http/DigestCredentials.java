package dev.orderflow.jmeter.http;

import java.net.URI;

/**
 * Where a virtual user's credentials for answering an HTTP Digest challenge come from: a JMeter HTTP
 * Authorization Manager's Digest entries.
 */
@FunctionalInterface
public interface DigestCredentials {

    /** The credentials for a request to this URI, or null when there are none. */
    Credential forUri(URI uri);

    /**
     * @param scope    the URL the credentials are for: a challenge answered for one request is sent again up front
     *                 with the next requests under it
     * @param realm    the realm the challenge must name, or empty for any
     * @param user     the user name
     * @param password the password (it never leaves the JVM: a Digest answer carries a hash of it)
     */
    record Credential(URI scope, String realm, String user, String password) {
    }
}

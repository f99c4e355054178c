package dev.orderflow.jmeter.http;

import java.util.List;

import org.eclipse.jetty.client.Authentication;
import org.eclipse.jetty.client.DigestAuthentication;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.internal.HttpContentResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Attributes;

/**
 * Answers a 401's Digest challenge with Jetty's {@link DigestAuthentication}, for one user with its own credentials.
 *
 * <p>Not through Jetty's challenge handler: that one answers from the credential store of the whole client, which
 * every user of a {@link SharedHttpClients} client shares, where each user has its own Authorization Manager; and it
 * turns a 401 without a challenge into a failure, where the flow needs to see it (a user logs in again when the shop
 * refuses its token). Jetty's challenge parser and Digest computation are used as they are.
 */
final class DigestChallenges {

    /** Jetty's parser of WWW-Authenticate values, reached through the handler that owns it (never installed). */
    private static final class ChallengeParser extends WWWAuthenticationProtocolHandler {
        ChallengeParser(HttpClient client) {
            super(client);
        }

        List<Authentication.HeaderInfo> parse(String value) {
            return getHeaderInfo(value);
        }
    }

    private final ChallengeParser parser;

    DigestChallenges(HttpClient client) {
        this.parser = new ChallengeParser(client);
    }

    /**
     * What to add to the request sent again so that it answers the 401's Digest challenge, or null when the answer
     * carries no Digest challenge for the credential's realm.
     *
     * @param sent   the request that was refused
     * @param answer the 401
     * @param body   the 401's body (a Digest answer with qop=auth-int hashes it, as Jetty does)
     */
    Authentication.Result answer(Request sent, Response answer, byte[] body, DigestCredentials.Credential credential) {
        for (String value : answer.getHeaders().getValuesList(HttpHeader.WWW_AUTHENTICATE)) {
            List<Authentication.HeaderInfo> challenges;
            try {
                challenges = parser.parse(value);
            } catch (IllegalArgumentException e) {
                continue; // a challenge Jetty cannot read is one we cannot answer
            }
            for (Authentication.HeaderInfo challenge : challenges) {
                if (!"Digest".equalsIgnoreCase(challenge.getType())
                        || (!credential.realm().isEmpty() && !credential.realm().equals(challenge.getRealm()))) {
                    continue;
                }
                DigestAuthentication digest = new DigestAuthentication(credential.scope(),
                        credential.realm().isEmpty() ? Authentication.ANY_REALM : credential.realm(),
                        credential.user(), credential.password());
                Authentication.Result result = digest.authenticate(sent,
                        new HttpContentResponse(answer, body, null, null), challenge, new Attributes.Mapped());
                if (result != null) {
                    return result;
                }
            }
        }
        return null;
    }
}

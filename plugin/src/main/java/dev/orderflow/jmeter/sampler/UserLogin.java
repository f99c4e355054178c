package dev.orderflow.jmeter.sampler;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.config.Credentials;
import dev.orderflow.jmeter.config.JsonText;
import dev.orderflow.jmeter.config.ShopConnection;
import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.config.UsersFile;
import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpHeader;

/**
 * Logs a virtual user in within a sample, as row {@code i} of the users file for user number {@code i}, and
 * keeps the token in its session: what the Login sampler does, and what a later step does when the shop
 * refuses the token with 401. The login exchange is recorded into the sample with the password masked.
 */
final class UserLogin {

    private static final String MASKED_PASSWORD = JsonText.quote("***");

    /**
     * Why a login left the user without a token.
     *
     * @param sentence what went wrong, for a sample's message
     * @param answerSaysIt true when the login exchange's own code and message already say it (refused, no answer)
     */
    record Problem(String sentence, boolean answerSaysIt) {
    }

    private UserLogin() {
    }

    /** Logs the turn's user in; null when it worked and the session holds the new token. */
    static Problem logIn(ShopSampler.Turn turn, ShopConnection connection) {
        ShopSettings settings = turn.settings();
        UsersFile users;
        try {
            users = connection.users();
        } catch (InvalidSettingsException e) {
            return new Problem(e.getMessage(), false);
        }
        int row = turn.user().userNumber();
        if (row < 0 || row >= users.size()) {
            return new Problem("virtual user " + row + " has no row in " + users.path().getFileName()
                    + ": it has " + users.size() + " users (rows 0.." + (users.size() - 1) + ")", false);
        }
        Credentials credentials = users.user(row);
        String username = JsonText.quote(credentials.username());
        String body = settings.loginBody()
                .render(name -> name.equals("username") ? username : JsonText.quote(credentials.password()));
        String shown = settings.loginBody().render(name -> name.equals("username") ? username : MASKED_PASSWORD);

        turn.nextAnswerCarriesToken();
        HttpExchange exchange = turn.send(turn.jsonPost(ShopConnectionSchema.LOGIN_PATH, body).build(),
                ShopConnectionSchema.LOGIN_PATH, shown);
        if (!exchange.answered() || !exchange.response().successful()) {
            return new Problem("the login " + ShopSampler.outcome(exchange), true);
        }
        JsonNode token = Json.at(Json.parse(exchange.response().body()), settings.tokenPointer());
        if (token == null || !(token.isTextual() || token.isNumber()) || token.asText().isEmpty()) {
            return new Problem("the login answer has no token at " + settings.tokenPointer(), false);
        }
        String value = token.asText();
        if (!headerSafe(settings, value)) {
            return new Problem("the token at " + settings.tokenPointer()
                    + " has characters a header cannot carry", false);
        }
        turn.session().loggedInWith(value);
        return null;
    }

    private static boolean headerSafe(ShopSettings settings, String token) {
        if (settings.authHeaderName() == null) {
            return true;
        }
        try {
            new HttpHeader(settings.authHeaderName(), settings.authHeaderValue().render(token));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package dev.orderflow.jmeter.sampler;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.config.Credentials;
import dev.orderflow.jmeter.config.InvalidShopConnectionException;
import dev.orderflow.jmeter.config.JsonText;
import dev.orderflow.jmeter.config.ShopField;
import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.config.UsersFile;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpHeader;

/**
 * Logs the virtual user in once, as row {@code i} of the users file for user number {@code i}, and keeps
 * the token in the user's session. While the user is logged in it takes no sample at all; a failed
 * login ends the iteration, and the next iteration tries again.
 */
public class LoginSampler extends ShopSampler {

    private static final long serialVersionUID = 1L;
    private static final String MASKED_PASSWORD = JsonText.quote("***");

    @Override
    protected FlowStep step() {
        return FlowStep.LOGIN;
    }

    @Override
    protected OrderFlowSampleResult sample(Turn turn) {
        if (turn.session().loggedIn()) {
            return null;
        }
        ShopSettings settings = turn.settings();
        turn.start();
        UsersFile users;
        try {
            users = shopConnection().users();
        } catch (InvalidShopConnectionException e) {
            return turn.endingIteration(turn.fail(e.getMessage()));
        }
        int row = turn.user().userNumber();
        if (row < 0 || row >= users.size()) {
            return turn.endingIteration(turn.fail("virtual user " + row + " has no row in " + users.path().getFileName()
                    + ": it has " + users.size() + " users (rows 0.." + (users.size() - 1) + ")"));
        }
        Credentials credentials = users.user(row);
        String username = JsonText.quote(credentials.username());
        String body = settings.loginBody().render(name -> name.equals("username") ? username : JsonText.quote(credentials.password()));
        String shown = settings.loginBody().render(name -> name.equals("username") ? username : MASKED_PASSWORD);

        HttpExchange exchange = turn.send(turn.jsonPost(ShopField.LOGIN_PATH, body).build(), ShopField.LOGIN_PATH, shown);
        if (!exchange.answered() || !exchange.response().successful()) {
            return turn.endingIteration(turn.end(false));
        }
        JsonNode token = Json.at(Json.parse(exchange.response().body()), settings.tokenPointer());
        if (token == null || !(token.isTextual() || token.isNumber()) || token.asText().isEmpty()) {
            return turn.endingIteration(turn.fail("the login answer has no token at " + settings.tokenPointer()));
        }
        String value = token.asText();
        if (!headerSafe(settings, value)) {
            return turn.endingIteration(turn.fail("the token at " + settings.tokenPointer() + " has characters a header cannot carry"));
        }
        turn.session().loggedInWith(value);
        return turn.end(true);
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

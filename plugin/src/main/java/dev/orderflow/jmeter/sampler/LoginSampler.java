package dev.orderflow.jmeter.sampler;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;

/**
 * Logs the virtual user in once, as row {@code i} of the users file for user number {@code i}, and keeps
 * the token in the user's session. While the user is logged in it takes no sample at all; a failed
 * login ends the iteration, and the next iteration tries again. A token the shop refuses later is
 * renewed by the step that meets the refusal, not here (see {@link ShopSampler.Turn#sendAuthorized}).
 */
public class LoginSampler extends ShopSampler {

    private static final long serialVersionUID = 1L;

    @Override
    protected OrderFlowSchema schema() {
        return SamplerSchemas.LogIn.INSTANCE;
    }

    @Override
    protected FlowStep step() {
        return FlowStep.LOGIN;
    }

    @Override
    protected OrderFlowSampleResult sample(Turn turn) {
        if (turn.session().loggedIn()) {
            return null;
        }
        turn.start();
        UserLogin.Problem problem = UserLogin.logIn(turn, shopConnection());
        if (problem == null) {
            return turn.end(true);
        }
        return turn.endingIteration(problem.answerSaysIt() ? turn.end(false) : turn.fail(problem.sentence()));
    }
}

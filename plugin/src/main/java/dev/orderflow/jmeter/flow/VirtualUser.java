package dev.orderflow.jmeter.flow;

import org.apache.jmeter.threads.JMeterContext;
import org.apache.jmeter.threads.JMeterVariables;

/**
 * Who the current virtual user is in the cluster: its cluster-unique user number, its engine and the
 * number of engines.
 *
 * <p>The orderflow thread group writes these variables when it starts a user; under any other thread
 * group the user number is JMeter's thread number and the run is taken to be on one engine.
 *
 * @param fromOrderFlowGroup whether an orderflow thread group started the user (and so reports its load)
 */
public record VirtualUser(int userNumber, int engine, int engineCount, boolean fromOrderFlowGroup) {

    /** Variable holding the cluster-unique user number (0 … total users − 1). */
    public static final String USER_NUMBER_VAR = "orderflow.user";
    /** Variable holding this engine's number (0 … engines − 1). */
    public static final String ENGINE_VAR = "orderflow.engine";
    /** Variable holding the number of engines in the run. */
    public static final String ENGINE_COUNT_VAR = "orderflow.engines";

    public static VirtualUser of(JMeterContext context) {
        JMeterVariables vars = context.getVariables();
        int userNumber = intVar(vars, USER_NUMBER_VAR, context.getThreadNum());
        int engine = intVar(vars, ENGINE_VAR, 0);
        int engineCount = intVar(vars, ENGINE_COUNT_VAR, 1);
        boolean fromOrderFlowGroup = vars != null && vars.get(USER_NUMBER_VAR) != null;
        return new VirtualUser(userNumber, engine, engineCount, fromOrderFlowGroup);
    }

    /** Stores this identity in a user's variables, where the samplers find it. */
    public void writeTo(JMeterVariables vars) {
        vars.put(USER_NUMBER_VAR, Integer.toString(userNumber));
        vars.put(ENGINE_VAR, Integer.toString(engine));
        vars.put(ENGINE_COUNT_VAR, Integer.toString(engineCount));
    }

    /** Marks a sample with this user's identity. */
    public void stamp(OrderFlowSampleResult result) {
        result.setUserNumber(userNumber);
        result.setEngine(engine);
        result.setEngineCount(engineCount);
        result.setFromOrderFlowGroup(fromOrderFlowGroup);
    }

    private static int intVar(JMeterVariables vars, String name, int fallback) {
        if (vars == null) {
            return fallback;
        }
        String value = vars.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}

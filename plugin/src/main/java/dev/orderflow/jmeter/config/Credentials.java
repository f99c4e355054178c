package dev.orderflow.jmeter.config;

/**
 * One row of users.csv. The password is never part of any text made from this object.
 */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}

package dev.orderflow.shop.data;

/**
 * One row of users.csv. {@code id} is the row's position among the data rows (0 for the first), so
 * that virtual user <i>i</i> of a run, who logs in as row <i>i</i>, gets {@code user_id} <i>i</i>.
 */
public record SeedUser(int id, String username, String password) {

    @Override
    public String toString() {
        return "SeedUser[id=" + id + ", username=" + username + "]";
    }
}

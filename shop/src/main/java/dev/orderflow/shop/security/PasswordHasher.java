package dev.orderflow.shop.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}.
 *
 * <p>The iteration count is a deliberate trade-off for a load-test target. The shop hashes every seeded
 * password at start-up, tests start shops again and again, and a run logs 1000 users in within seconds
 * on a 2-core machine that also runs the load generator. 1000 iterations cost about 0.4 ms per hash
 * here once the JIT has warmed up (several times that before): 1000 users seed in about a second and
 * log in on well under a second of CPU. The hundreds of thousands of iterations recommended for real
 * user passwords would make every start take minutes and turn the login step of every load test into a
 * benchmark of PBKDF2. The seeded passwords are test fixtures that sit in plain text in users.csv
 * anyway; salting and hashing keeps them out of the database and any dump of it. The count is stored
 * with each hash, so it can be raised without breaking stored hashes.
 */
public final class PasswordHasher {

    static final int ITERATIONS = 1000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random;

    public PasswordHasher(SecureRandom random) {
        this.random = random;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * True when {@code password} matches {@code stored}; false for any other password or a stored value it cannot read.
     */
    public boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(parts[2]);
            byte[] expected = b64.decode(parts[3]);
            return iterations > 0 && MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // every Java 17 runtime ships PBKDF2WithHmacSHA256
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}

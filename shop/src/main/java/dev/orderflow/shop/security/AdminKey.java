package dev.orderflow.shop.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The shop's admin key; a presented key is compared in constant time (over digests, so not even its length leaks). */
public final class AdminKey {

    private final String key;
    private final byte[] digest;

    public AdminKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("the admin key must not be blank");
        }
        this.key = key;
        this.digest = sha256(key);
    }

    /** A fresh key of 128 random bits, for a shop started without one. */
    public static AdminKey random(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new AdminKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    public String value() {
        return key;
    }

    @Override
    public String toString() {
        return "AdminKey[hidden]";
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

package io.storescheduler.adapter.jooq.idempotency;

import io.storescheduler.application.idempotency.IdempotencyKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How keys and answers are kept at rest: the key as a SHA-256 only, the answer's body encrypted
 * (AES-256-GCM) under a second hash of the key and its scope. Whoever reads the table without the
 * key can neither find a row by it nor read a secret an answer carried (a new actor's token);
 * a client sending its key back gets both. Keys are meant to be random (UUIDs), which is what
 * makes the hashes hard to invert.
 */
final class SealedAnswers {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedAnswers() {}

    static byte[] keyHash(IdempotencyKey key) {
        return sha256("store-scheduler idempotency key", key.value().getBytes(StandardCharsets.UTF_8));
    }

    static byte[] seal(IdempotencyKey key, byte[] body) {
        var iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        var sealed = run(Cipher.ENCRYPT_MODE, key, iv, body, 0, body.length);
        var out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return out;
    }

    static byte[] open(IdempotencyKey key, byte[] sealed) {
        return run(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, IV_BYTES), sealed, IV_BYTES, sealed.length - IV_BYTES);
    }

    private static byte[] run(int mode, IdempotencyKey key, byte[] iv, byte[] input, int offset, int length) {
        try {
            var cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, new SecretKeySpec(bodyKey(key), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a kept answer could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }

    private static byte[] bodyKey(IdempotencyKey key) {
        var scope = ByteBuffer.allocate(2 * Long.BYTES).putLong(key.actorId()).putLong(key.storeId().value()).array();
        var value = key.value().getBytes(StandardCharsets.UTF_8);
        var material = Arrays.copyOf(scope, scope.length + value.length);
        System.arraycopy(value, 0, material, scope.length, value.length);
        return sha256("store-scheduler idempotency answer", material);
    }

    private static byte[] sha256(String purpose, byte[] material) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(purpose.getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            return digest.digest(material);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

package dev.bettybridge.logging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The secret values this process holds right now (the password, recent JWTs and refresh tokens), so that the log
 * filter can keep any line that contains one out of every output, whichever library wrote it.
 */
public final class SecretValues {

    /** Tokens are replaced often; the last few stay known in case a late log line still carries one. */
    private static final int KEPT = 16;

    /** Shorter values are too likely to occur by chance in ordinary text. */
    private static final int SHORTEST = 4;

    private static final Pattern SHAPES = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"
                    + "|(?i)bearer\\s+[A-Za-z0-9_.-]{8,}"
                    + "|\"(jwtToken|refreshToken|password|token)\"\\s*:\\s*\"[^\"]");

    private static final Deque<String> VALUES = new ArrayDeque<>();
    private static volatile List<String> snapshot = List.of();

    private SecretValues() {
    }

    /** Remembers a secret; blank or very short values are ignored. */
    public static void add(String secret) {
        if (secret == null || secret.strip().length() < SHORTEST) {
            return;
        }
        synchronized (VALUES) {
            VALUES.remove(secret);
            VALUES.addFirst(secret);
            while (VALUES.size() > KEPT) {
                VALUES.removeLast();
            }
            snapshot = List.copyOf(VALUES);
        }
    }

    /**
     * Whether the text contains a known secret, or something shaped like one that may not be known yet: a JWT, a
     * bearer header, or a JSON field that carries a token or password (the answer of a login is printed before the
     * bridge has read it).
     */
    public static boolean containedIn(CharSequence text) {
        if (text == null) {
            return false;
        }
        String value = text.toString();
        if (SHAPES.matcher(value).find()) {
            return true;
        }
        for (String secret : snapshot) {
            if (value.contains(secret)) {
                return true;
            }
        }
        return false;
    }
}

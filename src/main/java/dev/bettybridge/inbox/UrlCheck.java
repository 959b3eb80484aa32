package dev.bettybridge.inbox;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a line holds an absolute http or https URL. It checks the shape only and changes nothing: quotes,
 * backslashes and non-ASCII characters pass as they are, because the platform, not the bridge, fetches the URL.
 */
public final class UrlCheck {

    private UrlCheck() {
    }

    /** Why the text is not a URL the action can take, or empty when it is one. */
    public static Optional<String> problem(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        int afterScheme;
        if (lower.startsWith("https://")) {
            afterScheme = "https://".length();
        } else if (lower.startsWith("http://")) {
            afterScheme = "http://".length();
        } else {
            return Optional.of("not an absolute http or https URL");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '\uFFFD') {
                return Optional.of("holds bytes that are not UTF-8 at position " + (i + 1)
                        + "; save the file as UTF-8");
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.of(c == ' ' ? "contains a space (write it as %20)"
                        : "contains a control or whitespace character at position " + (i + 1));
            }
        }
        int hostEnd = afterScheme;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String authority = url.substring(afterScheme, hostEnd);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.isEmpty() || host.startsWith(":")) {
            return Optional.of("has no host");
        }
        return Optional.empty();
    }
}

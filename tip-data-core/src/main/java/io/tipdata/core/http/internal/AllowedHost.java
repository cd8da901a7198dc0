package io.tipdata.core.http.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of an outbound allow-list: an exact host ({@code orders.internal}), an IPv4 or bracketed IPv6
 * literal, or {@code *.suffix}, which matches strict subdomains of a suffix of at least two labels; each
 * with an optional port. Without a port only the scheme's default port (80 or 443) matches.
 * Matching is textual: names are never resolved, so a name never matches an address or the reverse.
 */
public final class AllowedHost {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]{2,45}]");

    private final String host;
    private final boolean subdomains;
    private final int port;

    private AllowedHost(String host, boolean subdomains, int port) {
        this.host = host;
        this.subdomains = subdomains;
        this.port = port;
    }

    /** Parses an entry; the message of the exception names the entry and says what is accepted. */
    public static AllowedHost parse(String entry) {
        if (entry == null) {
            throw new IllegalArgumentException("allowed host is null; give a host name such as orders.internal");
        }
        String e = entry.strip().toLowerCase(Locale.ROOT);
        if (e.indexOf('/') >= 0 || e.indexOf('@') >= 0) {
            throw invalid(entry);
        }
        String hostPart = e;
        int port = -1;
        int colon = e.startsWith("[") ? e.indexOf(':', Math.max(e.indexOf(']'), 0)) : e.lastIndexOf(':');
        if (colon >= 0) {
            hostPart = e.substring(0, colon);
            port = port(entry, e.substring(colon + 1));
        }
        boolean subdomains = hostPart.startsWith("*.");
        String host = normalise(subdomains ? hostPart.substring(2) : hostPart);
        boolean valid = subdomains ? isName(host) && host.indexOf('.') > 0 && !IPV4.matcher(host).matches()
                : isName(host) || IPV4.matcher(host).matches() || IPV6.matcher(host).matches();
        if (!valid) {
            throw invalid(entry);
        }
        return new AllowedHost(host, subdomains, port);
    }

    /** Tells whether a request to the URI goes to this host and port over http or https. */
    public boolean matches(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.isOpaque() || uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        if (defaultPort < 0) {
            return false;
        }
        int uriPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
        if (uriPort != (port < 0 ? defaultPort : port)) {
            return false;
        }
        String h = normalise(uri.getHost().toLowerCase(Locale.ROOT));
        return subdomains ? h.length() > host.length() + 1 && h.endsWith(host)
                && h.charAt(h.length() - host.length() - 1) == '.'
                : h.equals(host);
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("invalid allowed host '" + entry + "': give a host name, an IP"
                + " address or *.domain.suffix (at least two labels), optionally with :port,"
                + " without scheme, user or path, e.g. orders.internal:8080 or *.svc.cluster.local");
    }

    private static String normalise(String host) {
        return host.endsWith(".") && !host.startsWith("[") ? host.substring(0, host.length() - 1) : host;
    }

    private static boolean isName(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static int port(String entry, String text) {
        if (!text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        }
        throw new IllegalArgumentException("invalid port in allowed host '" + entry + "': use 1 to 65535");
    }

    @Override
    public String toString() {
        return (subdomains ? "*." : "") + host + (port < 0 ? "" : ":" + port);
    }
}

package io.tipdata.core.http;

import io.tipdata.core.TipContext;
import io.tipdata.core.http.internal.AllowedHost;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Forwards the current request's run token to downstream services on an allow-list, and to no one else.
 *
 * <p>The token is the one {@code TipFilter} verified and bound ({@link TipContext#currentToken()}); without
 * one nothing is added. Allow-list entries are exact host names or IP literals ({@code orders.internal},
 * {@code 10.0.0.7}, {@code [fd00::7]}), or {@code *.suffix} for strict subdomains of a suffix of at least
 * two labels ({@code *.svc.cluster.local} matches {@code a.svc.cluster.local}, not
 * {@code svc.cluster.local}); each optionally with {@code :port}. Without a port only the scheme's default
 * port matches. Only {@code http} and {@code https} URIs match; case and one trailing dot are ignored;
 * names are never resolved. Keep the client's redirect policy at {@code NEVER} (its default), or a
 * redirect may carry the header to a host that is not allowed.
 */
public final class OutboundTokens {

    /** The default run header, the same as the filter's. */
    public static final String DEFAULT_HEADER = "X-Tip-Run";

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");

    private final String headerName;
    private final List<AllowedHost> allowed;

    private OutboundTokens(String headerName, List<AllowedHost> allowed) {
        this.headerName = headerName;
        this.allowed = allowed;
    }

    /** A builder of an allow-list. */
    public static Builder builder() {
        return new Builder();
    }

    /** The header to set, with the value from {@link #tokenFor(URI)}. */
    public String headerName() {
        return headerName;
    }

    /** Tells whether the URI's host and port are on the allow-list (whatever the current context). */
    public boolean isAllowed(URI uri) {
        for (AllowedHost a : allowed) {
            if (a.matches(uri)) {
                return true;
            }
        }
        return false;
    }

    /** The token to send to the URI as {@link #headerName()}: present only in test context and if allowed. */
    public Optional<String> tokenFor(URI uri) {
        Optional<String> token = TipContext.currentToken();
        return token.isPresent() && isAllowed(uri) ? token : Optional.empty();
    }

    /** A request builder for the URI, with the run header set if {@link #tokenFor(URI)} gives a token. */
    public HttpRequest.Builder newRequest(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        tokenFor(uri).ifPresent(t -> b.header(headerName, t));
        return b;
    }

    /**
     * The request with the run header set to the current token if its final URI is allowed, and removed
     * otherwise; returned unchanged when there is nothing to set or remove.
     */
    public HttpRequest mark(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<String> token = tokenFor(request.uri());
        boolean present = request.headers().firstValue(headerName).isPresent();
        if (token.isEmpty() && !present) {
            return request;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase(headerName));
        token.ifPresent(t -> b.header(headerName, t));
        return b.build();
    }

    @Override
    public String toString() {
        return "OutboundTokens[header=" + headerName + ", allowed=" + allowed + "]";
    }

    /** The allow-list and header name; {@link #build()} checks them. */
    public static final class Builder {
        private String headerName = DEFAULT_HEADER;
        private final List<AllowedHost> allowed = new ArrayList<>();

        private Builder() {
        }

        /** The run header (default {@value OutboundTokens#DEFAULT_HEADER}). */
        public Builder headerName(String headerName) {
            this.headerName = headerName;
            return this;
        }

        /** Allows hosts: {@code host}, {@code host:port} or {@code *.domain.suffix[:port]}. */
        public Builder allow(String... hosts) {
            for (String h : hosts) {
                allowed.add(AllowedHost.parse(h));
            }
            return this;
        }

        /** The immutable allow-list; an empty list forwards to no one. */
        public OutboundTokens build() {
            if (headerName == null || !HEADER_NAME.matcher(headerName).matches()) {
                throw new IllegalArgumentException("header name '" + headerName
                        + "' is not a valid HTTP header name; use 1 to 64 token characters, e.g. X-Tip-Run");
            }
            return new OutboundTokens(headerName, List.copyOf(allowed));
        }
    }
}

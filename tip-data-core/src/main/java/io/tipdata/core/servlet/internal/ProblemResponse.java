package io.tipdata.core.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes an RFC 9457 {@code application/problem+json} refusal. The body is built from fixed texts, the
 * configured header name and a reason code only; it never echoes anything the client sent.
 */
public final class ProblemResponse {

    /** The media type of the body. */
    public static final String CONTENT_TYPE = "application/problem+json";

    private static final String TYPE_PREFIX = "urn:tipdata:problem:";

    private ProblemResponse() {
    }

    /** Writes the problem unless the response is committed already; returns whether it was written. */
    public static boolean write(HttpServletResponse response, int status, String type, String title,
                                String detail, String reason) throws IOException {
        if (response.isCommitted()) {
            return false;
        }
        response.resetBuffer();
        byte[] body = json(status, type, title, detail, reason).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        }
        response.flushBuffer();
        return true;
    }

    static String json(int status, String type, String title, String detail, String reason) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"type\":");
        quote(b, TYPE_PREFIX + type);
        b.append(",\"title\":");
        quote(b, title);
        b.append(",\"status\":").append(status);
        b.append(",\"detail\":");
        quote(b, detail);
        b.append(",\"reason\":");
        quote(b, reason);
        return b.append('}').toString();
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}

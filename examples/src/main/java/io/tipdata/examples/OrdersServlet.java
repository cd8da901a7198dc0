package io.tipdata.examples;

import io.tipdata.core.TipContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** {@code GET /orders} lists orders; {@code POST /orders?sku=book&qty=2} places one. */
final class OrdersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient DataSource dataSource;

    OrdersServlet(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StringBuilder json = new StringBuilder("{\"context\":\"").append(contextName()).append("\",\"orders\":[");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT o.id, o.sku, p.name, o.qty FROM orders o JOIN products p ON p.sku = o.sku ORDER BY o.id");
             ResultSet rs = ps.executeQuery()) {
            boolean first = true;
            while (rs.next()) {
                json.append(first ? "" : ",").append("{\"id\":").append(rs.getLong(1))
                        .append(",\"sku\":\"").append(rs.getString(2)).append("\",\"name\":\"")
                        .append(rs.getString(3)).append("\",\"qty\":").append(rs.getInt(4)).append('}');
                first = false;
            }
        } catch (SQLException e) {
            error(resp, e);
            return;
        }
        json.append("]}");
        write(resp, HttpServletResponse.SC_OK, json.toString());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sku = req.getParameter("sku");
        int qty;
        try {
            qty = Integer.parseInt(req.getParameter("qty"));
        } catch (NumberFormatException e) {
            write(resp, HttpServletResponse.SC_BAD_REQUEST, "{\"error\":\"qty must be a whole number\"}");
            return;
        }
        if (sku == null || !sku.matches("[a-z0-9-]{1,20}")) {
            write(resp, HttpServletResponse.SC_BAD_REQUEST, "{\"error\":\"sku must be 1 to 20 of [a-z0-9-]\"}");
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO orders (sku, qty) VALUES (?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, sku);
            ps.setInt(2, qty);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                write(resp, HttpServletResponse.SC_CREATED, "{\"context\":\"" + contextName() + "\",\"id\":"
                        + keys.getLong(1) + "}");
            }
        } catch (SQLException e) {
            error(resp, e);
        }
    }

    private static String contextName() {
        return TipContext.current().map(r -> "test run " + r.runId()).orElse("production");
    }

    private static void error(HttpServletResponse resp, SQLException e) throws IOException {
        String message = String.valueOf(e.getMessage()).replace("\\", "\\\\").replace("\"", "\\\"");
        write(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                "{\"error\":\"" + message + "\",\"sqlState\":\"" + e.getSQLState() + "\"}");
    }

    private static void write(HttpServletResponse resp, int status, String body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(body);
    }
}

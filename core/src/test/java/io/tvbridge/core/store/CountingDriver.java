package io.tvbridge.core.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:counting:<a real JDBC URL>} that hands every call to the real
 * driver and counts the statements executed and the commits, with the SQL of each statement:
 * what tests use to hold the store to a number of statements per alert.
 */
public final class CountingDriver implements Driver {
    public static final String PREFIX = "jdbc:counting:";
    private static final List<String> statements = new ArrayList<>();
    private static int commits;

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The statements executed since the last reset, each as its SQL's first words. */
    public static synchronized List<String> statements() {
        return List.copyOf(statements);
    }

    public static synchronized int commits() {
        return commits;
    }

    public static synchronized void reset() {
        statements.clear();
        commits = 0;
    }

    private static synchronized void executed(String sql) {
        statements.add(sql.strip().replaceAll("\\s+", " "));
    }

    private static synchronized void committed() {
        commits++;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection(url.substring(PREFIX.length()), info);
        return proxy(Connection.class, real, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("commit")) {
                committed();
            }
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "";
                return proxy(method.getReturnType(), statement, (inner, call, callArgs) -> {
                    if (call.getName().startsWith("execute")) {
                        executed(callArgs != null && callArgs.length > 0 && callArgs[0] instanceof String text
                                ? text : sql);
                    }
                    return invoke(inner, call, callArgs);
                });
            }
            return result;
        });
    }

    private interface Call {
        Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (self, method, args) -> call.invoke(target, method, args);
        return (T) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}

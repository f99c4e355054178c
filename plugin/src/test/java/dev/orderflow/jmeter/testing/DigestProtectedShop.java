package dev.orderflow.jmeter.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.DigestAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.security.Credential;

/**
 * A real HTTP server on a free loopback port whose every page is behind HTTP Digest authentication (Jetty's
 * {@link DigestAuthenticator} and login service): one user, {@link #USER} with {@link #PASSWORD}, in realm
 * {@link #REALM}. It notes the Authorization header of every request it gets, answered or refused.
 */
public final class DigestProtectedShop implements AutoCloseable {

    public static final String REALM = "orderflow-shop";
    public static final String USER = "shopper";
    public static final String PASSWORD = "s3cret";
    public static final String PAGE = "<html>behind digest</html>";

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public DigestProtectedShop() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        UserStore users = new UserStore();
        users.addUser(USER, Credential.getCredential(PASSWORD), new String[] {"shopper"});
        HashLoginService login = new HashLoginService(REALM);
        login.setUserStore(users);
        SecurityHandler.PathMapped security = new SecurityHandler.PathMapped();
        security.setRealmName(REALM);
        security.setLoginService(login);
        security.setAuthenticator(new DigestAuthenticator());
        security.put("/*", Constraint.ANY_USER);
        security.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html");
                response.write(true, ByteBuffer.wrap(PAGE.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        // outside the security handler: sees every request, the refused ones too
        server.setHandler(new Handler.Wrapper(security) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                authorizations.add(authorization == null ? "" : authorization);
                return super.handle(request, response, callback);
            }
        });
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The Authorization header of each request in the order they came ("" for none). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

package ai.cartesia.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;

/**
 * Server sockets that remember what they accept, so a test can drop a connection the way a
 * network does: no close frame, no goodbye. Give it to {@code MockWebServer.setServerSocketFactory}.
 */
public final class DroppableSockets extends ServerSocketFactory {

  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  /** Closes every accepted connection at once, with a TCP reset. */
  public void dropAll() {
    for (Socket socket : accepted) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new Recording();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    Recording socket = new Recording();
    socket.bind(new java.net.InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    Recording socket = new Recording();
    socket.bind(new java.net.InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    Recording socket = new Recording();
    socket.bind(new java.net.InetSocketAddress(address, port), backlog);
    return socket;
  }

  private final class Recording extends ServerSocket {
    Recording() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      accepted.add(socket);
      return socket;
    }
  }
}

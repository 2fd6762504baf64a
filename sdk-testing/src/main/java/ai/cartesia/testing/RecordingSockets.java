package ai.cartesia.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;

/**
 * Server sockets that keep what they accept, in accept order, which is MockWebServer's connection
 * index: the fake can then drop one connection the way a network does, with a TCP reset.
 */
final class RecordingSockets extends ServerSocketFactory {

  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  /**
   * Ends one connection with no goodbye of its protocol (no close frame, no end of body) but
   * after what was written: the peer reads every byte sent, then the end of the stream.
   */
  void drop(int connectionIndex) {
    if (connectionIndex >= accepted.size()) return;
    try {
      accepted.get(connectionIndex).close();
    } catch (IOException alreadyGone) {
      // nothing left to drop
    }
  }

  /** How many connections have been accepted so far. */
  int count() {
    return accepted.size();
  }

  /** Resets every connection at once, discarding what was not yet delivered. */
  void dropAll() {
    accepted.forEach(RecordingSockets::reset);
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException alreadyGone) {
      // nothing left to drop
    }
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new Recording();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return createServerSocket(port, 50, null);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    return createServerSocket(port, backlog, null);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    Recording socket = new Recording();
    socket.bind(new InetSocketAddress(address, port), backlog);
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

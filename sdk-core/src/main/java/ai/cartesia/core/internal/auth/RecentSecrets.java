package ai.cartesia.core.internal.auth;

import ai.cartesia.core.Secret;
import java.util.ArrayDeque;
import java.util.List;

/** The last few secrets seen, newest first, to mask in texts; thread-safe. */
final class RecentSecrets {

  private final int kept;
  private final ArrayDeque<Secret> secrets = new ArrayDeque<>();

  RecentSecrets(int kept) {
    this.kept = kept;
  }

  synchronized void add(Secret secret) {
    if (secrets.contains(secret)) return;
    if (secrets.size() == kept) secrets.removeLast();
    secrets.addFirst(secret);
  }

  String redact(String text) {
    List<Secret> current;
    synchronized (this) {
      current = List.copyOf(secrets);
    }
    String shown = text;
    for (Secret secret : current) shown = secret.redact(shown);
    return shown;
  }
}

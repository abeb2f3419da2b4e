package dev.deskcc.sim.recipient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.StoreTx;
import java.util.Base64;
import java.util.Optional;

/**
 * The world's unsubscribe secret, kept in the store as world bookkeeping: made when a fixture
 * creates or replaces the world, removed with it, durable with the store, the same for every node
 * sharing it.
 */
public final class WorldSecret {
  static final String KEY = "unsubscribeSecret";

  private WorldSecret() {}

  /** Gives the world a new secret: links of an earlier world stop working. */
  public static void renew(StoreTx tx) {
    tx.putMeta(KEY, TextNode.valueOf(Base64.getEncoder().encodeToString(UnsubscribeSigner.newSecret())));
  }

  /**
   * The world's signer, made (and stored with the change) for a world stored before worlds had
   * secrets.
   */
  public static UnsubscribeSigner ensure(StoreTx tx) {
    return of(tx).orElseGet(() -> {
      renew(tx);
      return of(tx).orElseThrow();
    });
  }

  /** The world's signer; empty for a world stored before worlds had secrets and not changed since. */
  public static Optional<UnsubscribeSigner> of(StoreReader reader) {
    return reader.meta(KEY).filter(JsonNode::isTextual)
        .map(n -> new UnsubscribeSigner(Base64.getDecoder().decode(n.textValue())));
  }
}

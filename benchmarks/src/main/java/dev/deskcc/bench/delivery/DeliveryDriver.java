package dev.deskcc.bench.delivery;

import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.bench.support.Stats;
import dev.deskcc.bench.support.Worlds;
import dev.deskcc.sim.mail.DeliveryResult;
import dev.deskcc.sim.mail.MailGatewayClient;
import dev.deskcc.sim.mail.MessageIds;
import dev.deskcc.sim.mail.OutboxDispatcher;
import dev.deskcc.sim.mail.OutboxQueue;
import dev.deskcc.sim.mail.OutgoingMail;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 5, notification delivery: outbox messages (requester plus 20 CCs) delivered through the
 * real {@link MailGatewayClient} and {@link OutboxDispatcher} to a local HTTP sink (Javalin on
 * 127.0.0.1 answering 202). Per run: the dispatcher draining a queue of {@code --messages}
 * messages, and the client alone sending the same number back to back. The sink counts the
 * connections it saw (distinct client ports): connection reuse keeps that at one.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.deskcc.bench.delivery.DeliveryDriver
 * [messages] [runs]}
 */
public final class DeliveryDriver {

  private DeliveryDriver() {}

  public static void main(String[] args) throws Exception {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.println("machine: " + Stats.machine());
    Set<Integer> ports = ConcurrentHashMap.newKeySet();
    AtomicLong received = new AtomicLong();
    Javalin sink = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.routes.post("/v1/messages", ctx -> {
        ctx.bodyAsBytes();
        ports.add(ctx.req().getRemotePort());
        received.incrementAndGet();
        ctx.status(202).contentType("application/json").result("{\"id\":\"" + received.get() + "\"}");
      });
    }).start("127.0.0.1", 0);
    try (MailGatewayClient client = MailGatewayClient.builder()
        .baseUrl(URI.create("http://127.0.0.1:" + sink.port() + "/v1")).apiKey("bench-key").build()) {
      List<Double> dispatcherRates = new ArrayList<>();
      List<Double> clientRates = new ArrayList<>();
      // warm-up: one untimed round of each
      dispatch(client, Math.min(messages, 5_000), 0);
      direct(client, Math.min(messages, 5_000), 0);
      for (int r = 1; r <= runs; r++) {
        ports.clear();
        double d = dispatch(client, messages, r * 10_000_000L);
        int dispatcherConnections = ports.size();
        ports.clear();
        double c = direct(client, messages, r * 10_000_000L + 5_000_000L);
        int clientConnections = ports.size();
        dispatcherRates.add(d);
        clientRates.add(c);
        System.out.printf(Locale.ROOT, "run %d: dispatcher %8.0f msg/s (%d connection(s)), client alone %8.0f msg/s "
            + "(%d connection(s))%n", r, d, dispatcherConnections, c, clientConnections);
      }
      System.out.printf(Locale.ROOT, "median over %d runs of %d messages: dispatcher %.0f msg/s, client alone %.0f msg/s%n",
          runs, messages, Stats.median(dispatcherRates), Stats.median(clientRates));
    } finally {
      sink.stop();
    }
  }

  static OutgoingMail mail(long seq) {
    List<EmailAddress> cc = new ArrayList<>();
    for (int k = 1; k <= 20; k++) {
      cc.add(new EmailAddress(Worlds.customer(k), "Customer " + k));
    }
    return new OutgoingMail(seq, "t1", "AGENT_REPLY", new EmailAddress("noreply@acme.test", "Acme Support"),
        new EmailAddress(Worlds.SUPPORT_ADDRESS, null), List.of(new EmailAddress(Worlds.customer(0), "Customer 0")),
        cc, "Re: [#101] Printer on floor 3 is out of toner", "Hello,\n\na technician is on the way.\n\nAcme Support",
        MessageIds.create("acme.test"), "<first@acme.test>", List.of("<first@acme.test>"), false);
  }

  /** The real dispatcher draining a queue; messages per second. */
  static double dispatch(MailGatewayClient client, int messages, long firstSeq) throws InterruptedException {
    Queue queue = new Queue(messages);
    for (int i = 0; i < messages; i++) {
      queue.pending.add(mail(firstSeq + i));
    }
    long start = System.nanoTime();
    try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(queue, client).batchSize(100)
        .pollInterval(Duration.ofMillis(50)).build().start()) {
      dispatcher.wake();
      if (!queue.done.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("delivery did not finish: " + queue.done.getCount() + " left");
      }
    }
    return messages / ((System.nanoTime() - start) / 1e9);
  }

  /** The client alone, one message after the other; messages per second. */
  static double direct(MailGatewayClient client, int messages, long firstSeq) {
    List<OutgoingMail> mails = new ArrayList<>(messages);
    for (int i = 0; i < messages; i++) {
      mails.add(mail(firstSeq + i));
    }
    long start = System.nanoTime();
    for (OutgoingMail m : mails) {
      DeliveryResult result = client.send(m);
      if (!(result instanceof DeliveryResult.Delivered)) {
        throw new IllegalStateException("not delivered: " + result);
      }
    }
    return messages / ((System.nanoTime() - start) / 1e9);
  }

  /** An outbox in memory: pending messages in seq order, removed once delivered. */
  static final class Queue implements OutboxQueue {
    final ConcurrentLinkedQueue<OutgoingMail> pending = new ConcurrentLinkedQueue<>();
    final CountDownLatch done;

    Queue(int messages) {
      done = new CountDownLatch(messages);
    }

    @Override
    public List<OutgoingMail> pending(int max) {
      List<OutgoingMail> out = new ArrayList<>(max);
      for (OutgoingMail m : pending) {
        if (out.size() == max) {
          break;
        }
        out.add(m);
      }
      return out;
    }

    @Override
    public void delivered(long seq) {
      // delivered in seq order: the head, almost always
      OutgoingMail head = pending.peek();
      if (head != null && head.seq() == seq ? pending.poll() != null : pending.removeIf(m -> m.seq() == seq)) {
        done.countDown();
      }
    }

    @Override
    public void failed(long seq, String reason, boolean permanent) {
      if (permanent) {
        throw new IllegalStateException("message " + seq + " refused: " + reason);
      }
    }
  }
}

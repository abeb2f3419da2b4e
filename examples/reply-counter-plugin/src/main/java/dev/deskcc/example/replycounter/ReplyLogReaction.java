package dev.deskcc.example.replycounter;

import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.lifecycle.AgentReplied;
import dev.deskcc.api.lifecycle.TicketChangeReaction;
import dev.deskcc.api.lifecycle.TicketEvent;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the new count once a reply is committed (a reaction sees only committed changes). */
@Extension
public final class ReplyLogReaction implements TicketChangeReaction {

  private static final Logger LOG = LoggerFactory.getLogger(ReplyLogReaction.class);

  @Override
  public void react(TicketEvent event, PluginContext context) {
    if (event instanceof AgentReplied replied) {
      LOG.info("ticket #{} now has {} agent replies",
          replied.ticket().number(), ReplyCount.of(replied.ticket().id(), context));
    }
  }
}

package ${package};

import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.lifecycle.AgentReplied;
import dev.deskcc.api.lifecycle.TicketChangeReaction;
import dev.deskcc.api.lifecycle.TicketEvent;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Notes each agent reply once it is committed (a reaction sees only committed changes). */
@Extension
public final class AgentReplyReaction implements TicketChangeReaction {
  private static final Logger LOG = LoggerFactory.getLogger(AgentReplyReaction.class);

  @Override
  public void react(TicketEvent event, PluginContext context) {
    if (event instanceof AgentReplied replied) {
      LOG.debug("agent replied on ticket #{}", replied.ticket().number());
    }
  }
}

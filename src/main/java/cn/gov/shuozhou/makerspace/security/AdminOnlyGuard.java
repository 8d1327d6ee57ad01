package cn.gov.shuozhou.makerspace.security;

import cn.gov.shuozhou.makerspace.access.AccessPolicy;
import cn.gov.shuozhou.makerspace.access.Capability;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Refuses the given engine commands to every checked user who lacks the guard's capability
 * ({@link Capability}: system administrators), whatever their grants say. The engine's own work and delegate code run
 * without a checked user and pass.
 */
abstract class AdminOnlyGuard extends CommandInterceptor {

  private final List<Class<?>> commands;
  private final Capability capability;

  AdminOnlyGuard(List<Class<?>> commands, Capability capability) {
    this.commands = commands;
    this.capability = capability;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (commands.stream().anyMatch(type -> type.isInstance(command))) {
      CommandContext context = Context.getCommandContext();
      Authentication user = Guards.checkedUser(context);
      if (user != null && !AccessPolicy.allows(user, capability)) {
        throw new AuthorizationException(AccessPolicy.refusal(capability, user.getUserId()));
      }
    }
    return next.execute(command);
  }
}

package cn.gov.shuozhou.makerspace.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Refuses the given engine commands to every checked user but system administrators
 * ({@code camunda-admin}), whatever their grants say. The engine's own work and delegate code run
 * without a checked user and pass.
 */
abstract class AdminOnlyGuard extends CommandInterceptor {

  private final List<Class<?>> commands;
  private final String refused;

  AdminOnlyGuard(List<Class<?>> commands, String refused) {
    this.commands = commands;
    this.refused = refused;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (commands.stream().anyMatch(type -> type.isInstance(command))) {
      CommandContext context = Context.getCommandContext();
      Authentication user = Guards.checkedUser(context);
      if (user != null && !context.getAuthorizationManager().isCamundaAdmin(user)) {
        throw new AuthorizationException(refused + "（用户 " + user.getUserId() + "）");
      }
    }
    return next.execute(command);
  }
}

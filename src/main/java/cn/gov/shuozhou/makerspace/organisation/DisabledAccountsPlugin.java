package cn.gov.shuozhou.makerspace.organisation;

import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * A disabled organisation account cannot log in anywhere: every door checks a password through the
 * engine's {@code checkPassword} (the webapps' login, HTTP Basic on {@code /engine-rest} and on
 * {@code /api}), and the engine's identity provider here answers "wrong" for a disabled account
 * before it looks at the password. Otherwise it is the engine's own database identity provider.
 */
@Component
public class DisabledAccountsPlugin extends AbstractProcessEnginePlugin {

  private final Organisations organisations;

  public DisabledAccountsPlugin(Organisations organisations) {
    this.organisations = organisations;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new Factory(organisations::isDisabled));
  }

  /** Session type {@link DbIdentityServiceProvider}: the engine registers it as read-only and as writable provider. */
  private record Factory(Predicate<String> disabled) implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return DbIdentityServiceProvider.class;
    }

    @Override
    public Session openSession() {
      return new Provider(disabled);
    }
  }

  private static final class Provider extends DbIdentityServiceProvider {

    private final Predicate<String> disabled;

    Provider(Predicate<String> disabled) {
      this.disabled = disabled;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
      return userId != null && !disabled.test(userId) && super.checkPassword(userId, password);
    }
  }
}

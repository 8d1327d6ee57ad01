package cn.gov.shuozhou.makerspace.tasks;

import cn.gov.shuozhou.makerspace.common.ParseListeners;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Every user task of every model gets its case's card when it is created ({@link CaseCard#copyTo}). */
@Component
public class CaseCardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, CaseCard::copyTo);
  }
}

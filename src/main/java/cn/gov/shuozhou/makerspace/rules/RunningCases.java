package cn.gov.shuozhou.makerspace.rules;

import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.rules.RuleViews.CasesAhead;
import cn.gov.shuozhou.makerspace.rules.RuleViews.StepAhead;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Which cases in progress a change of a rule reaches. The models bind their decisions to the latest
 * version ({@code decisionRefBinding="latest"}), so a new version decides every evaluation from
 * then on, also in cases already running. A case is reached when a business rule task of the rule
 * lies ahead of where it waits now (a path of the model leads there; whether it is taken depends on
 * the case). A rule read once at the start (the policy numbers, kept in the case) or outside the
 * cases (the checklist) reaches none of them.
 *
 * <p>Only counts and step names leave here, never a case: rule administrators read no cases.
 */
@Component
class RunningCases {

  private final ProcessEngine engine;
  /** Per process definition id and decision key: the activities from which one of its evaluations lies ahead. */
  private final Map<String, Set<String>> aheadOf = new ConcurrentHashMap<>();

  RunningCases(ProcessEngine engine) {
    this.engine = engine;
  }

  CasesAhead of(String decisionKey) {
    return WithoutAuthorization.call(engine, () -> {
      long total = 0;
      Map<List<String>, Long> perStep = new LinkedHashMap<>(); // [process, step]: versions of a model add up
      for (ProcessDefinitionStatistics definition : engine.getManagementService()
          .createProcessDefinitionStatisticsQuery().list()) {
        if (definition.getInstances() == 0) {
          continue;
        }
        Set<String> ahead = ahead(definition.getId(), decisionKey, new HashSet<>());
        if (ahead.isEmpty()) {
          continue;
        }
        total += cases(definition.getId(), ahead);
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        for (ActivityStatistics at : engine.getManagementService().createActivityStatisticsQuery(definition.getId()).list()) {
          if (ahead.contains(at.getId())) {
            String step = ((FlowNode) model.getModelElementById(at.getId())).getName();
            String process = definition.getName() == null ? definition.getKey() : definition.getName();
            perStep.merge(List.of(process, step == null ? "未命名环节" : step),
                cases(definition.getId(), Set.of(at.getId())), Long::sum);
          }
        }
      }
      List<StepAhead> steps = new ArrayList<>();
      perStep.forEach((where, cases) -> steps.add(new StepAhead(where.get(0), where.get(1), cases)));
      steps.sort((a, b) -> Long.compare(b.cases(), a.cases()));
      return new CasesAhead(decisionKey, total, steps);
    });
  }

  /** Running cases of the definition waiting at any of {@code activities}, each counted once. */
  private long cases(String definitionId, Collection<String> activities) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definitionId)
        .activityIdIn(activities.toArray(String[]::new)).count();
  }

  /**
   * The activities of the definition from which one of the decision's evaluations lies ahead.
   * Cached: a definition never changes, and the processes it calls are deployed with a release,
   * which starts the application anew.
   */
  private Set<String> ahead(String definitionId, String decisionKey, Set<String> visiting) {
    String cacheKey = definitionId + "\n" + decisionKey;
    Set<String> known = aheadOf.get(cacheKey);
    if (known != null) {
      return known;
    }
    if (!visiting.add(definitionId)) {
      return Set.of(); // a model that calls itself: what it decides is found on the first pass
    }
    Set<String> ahead = activitiesAhead(engine.getRepositoryService().getBpmnModelInstance(definitionId), decisionKey,
        calledKey -> { // the called process's latest version, as the models call it
          ProcessDefinition called = engine.getRepositoryService().createProcessDefinitionQuery()
              .processDefinitionKey(calledKey).latestVersion().singleResult();
          return called != null && !ahead(called.getId(), decisionKey, visiting).isEmpty();
        });
    aheadOf.put(cacheKey, ahead);
    return ahead;
  }

  /**
   * The flow nodes of the model from which a path leads to an evaluation of the decision (that task
   * included): a business rule task bound to its latest version, or a call of a process that
   * evaluates it ({@code evaluatesIn}, given the called process's latest definition id).
   */
  static Set<String> activitiesAhead(BpmnModelInstance model, String decisionKey, Predicate<String> evaluatesIn) {
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    Set<String> evaluating = new HashSet<>();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String binding = task.getCamundaDecisionRefBinding();
      if (decisionKey.equals(task.getCamundaDecisionRef()) && (binding == null || "latest".equals(binding))) {
        evaluating.add(task.getId());
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if (call.getCalledElement() != null && evaluatesIn.test(call.getCalledElement())) {
        evaluating.add(call.getId());
      }
    }
    if (evaluating.isEmpty()) {
      return Set.of();
    }
    // walk the model backwards from the evaluations (the models name a node's flows on the flows only)
    Map<FlowNode, List<FlowNode>> outgoing = new HashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      outgoing.computeIfAbsent(flow.getSource(), k -> new ArrayList<>()).add(flow.getTarget());
    }
    Map<String, Set<String>> predecessors = new HashMap<>();
    for (FlowNode node : nodes) {
      for (FlowNode next : successors(model, node, outgoing)) {
        predecessors.computeIfAbsent(next.getId(), k -> new HashSet<>()).add(node.getId());
      }
    }
    Set<String> ahead = new HashSet<>(evaluating);
    Deque<String> queue = new ArrayDeque<>(evaluating);
    while (!queue.isEmpty()) {
      for (String before : predecessors.getOrDefault(queue.poll(), Set.of())) {
        if (ahead.add(before)) {
          queue.add(before);
        }
      }
    }
    return Set.copyOf(ahead);
  }

  /**
   * Where a token may go from {@code node}: along its sequence flows, to the events on its
   * boundary, into a sub-process, out of a finished sub-process, and into the event sub-processes
   * of every scope around it (they may start while it waits).
   */
  private static List<FlowNode> successors(BpmnModelInstance model, FlowNode node, Map<FlowNode, List<FlowNode>> outgoing) {
    List<FlowNode> next = new ArrayList<>(outgoing.getOrDefault(node, List.of()));
    for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
      if (event.getAttachedTo() == node) {
        next.add(event);
      }
    }
    if (node instanceof SubProcess sub) {
      next.addAll(sub.getChildElementsByType(StartEvent.class));
    }
    ModelElementInstance scope = node.getParentElement();
    if (!outgoing.containsKey(node) && scope instanceof SubProcess parent) {
      // out of a finished sub-process; after an event sub-process, out of the sub-process around it
      ModelElementInstance exit = parent.triggeredByEvent() ? parent.getParentElement() : parent;
      if (exit instanceof SubProcess finished) {
        next.addAll(outgoing.getOrDefault(finished, List.of()));
      }
    }
    for (; scope != null; scope = scope.getParentElement()) {
      for (SubProcess eventSub : scope.getChildElementsByType(SubProcess.class)) {
        if (eventSub.triggeredByEvent()) {
          next.addAll(eventSub.getChildElementsByType(StartEvent.class));
        }
      }
    }
    return next;
  }
}

package cn.gov.shuozhou.makerspace.rules;

import static cn.gov.shuozhou.makerspace.certification.CertificationProcess.TASK_SUPPLEMENT;

import cn.gov.shuozhou.makerspace.application.RequiredMaterials;
import cn.gov.shuozhou.makerspace.common.WithoutAuthorization;
import cn.gov.shuozhou.makerspace.rules.RuleViews.CasesAhead;
import cn.gov.shuozhou.makerspace.rules.RuleViews.StepAhead;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * then on, also in cases already running. A case is reached when an evaluation of the rule lies
 * ahead of where it waits now (a path of the model leads there; whether it is taken depends on the
 * case): a business rule task of the rule, a call of a process with one, or a step that reads the
 * rule outside the model ({@link #READ_AT}). A rule read once at a case's start (the policy
 * numbers, kept in the case) reaches none of the running cases there.
 *
 * <p>Only counts and step names leave here, never a case: rule administrators read no cases.
 */
@Component
class RunningCases {

  /** The steps that read a rule's latest version themselves: the supplement's checklist. */
  static final Map<String, Set<String>> READ_AT = Map.of(RequiredMaterials.KEY, Set.of(TASK_SUPPLEMENT));

  private final ProcessEngine engine;

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
        // computed anew each time (a model is a hundred nodes): a process it calls may have a new version
        Set<String> ahead = ahead(definition.getId(), decisionKey, new HashSet<>());
        if (ahead.isEmpty()) {
          continue;
        }
        total += cases(definition.getId(), ahead);
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        String process = definition.getName() == null ? "未命名流程" : definition.getName();
        for (ActivityStatistics at : engine.getManagementService().createActivityStatisticsQuery(definition.getId()).list()) {
          if (ahead.contains(at.getId())) {
            String step = ((FlowNode) model.getModelElementById(at.getId())).getName();
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
  private long cases(String definitionId, Set<String> activities) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definitionId)
        .activityIdIn(activities.toArray(String[]::new)).count();
  }

  /** The activities of the definition where a waiting case has one of the decision's evaluations ahead. */
  private Set<String> ahead(String definitionId, String decisionKey, Set<String> visiting) {
    if (!visiting.add(definitionId)) {
      return Set.of(); // a process that calls itself: what it decides is found on the first pass
    }
    return activitiesAhead(engine.getRepositoryService().getBpmnModelInstance(definitionId), decisionKey,
        calledKey -> { // the called process's latest version, as the models call it
          ProcessDefinition called = engine.getRepositoryService().createProcessDefinitionQuery()
              .processDefinitionKey(calledKey).latestVersion().singleResult();
          return called != null && !ahead(called.getId(), decisionKey, visiting).isEmpty();
        });
  }

  /**
   * The flow nodes of the model where a waiting case has an evaluation of the decision ahead: the
   * evaluations themselves (a business rule task bound to its latest version; a step of
   * {@link #READ_AT}) and every node with a path to one. A call of a process that evaluates it
   * ({@code evaluatesIn}, given the called process's key) counts as an evaluation for the nodes before
   * it; a case waiting at the call is the called process's case, counted there.
   */
  static Set<String> activitiesAhead(BpmnModelInstance model, String decisionKey, Predicate<String> evaluatesIn) {
    Set<String> evaluating = new HashSet<>(READ_AT.getOrDefault(decisionKey, Set.of()));
    evaluating.retainAll(ids(model.getModelElementsByType(FlowNode.class)));
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String binding = task.getCamundaDecisionRefBinding();
      if (decisionKey.equals(task.getCamundaDecisionRef()) && (binding == null || "latest".equals(binding))) {
        evaluating.add(task.getId());
      }
    }
    Set<String> calls = new HashSet<>();
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if (call.getCalledElement() != null && evaluatesIn.test(call.getCalledElement())) {
        calls.add(call.getId());
      }
    }
    if (evaluating.isEmpty() && calls.isEmpty()) {
      return Set.of();
    }
    // walk the model backwards from the evaluations (the models name a node's flows on the flows only)
    Map<FlowNode, List<FlowNode>> outgoing = new HashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      outgoing.computeIfAbsent(flow.getSource(), k -> new ArrayList<>()).add(flow.getTarget());
    }
    Map<String, Set<String>> predecessors = new HashMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      for (FlowNode next : successors(model, node, outgoing)) {
        predecessors.computeIfAbsent(next.getId(), k -> new HashSet<>()).add(node.getId());
      }
    }
    Set<String> before = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(evaluating);
    queue.addAll(calls);
    while (!queue.isEmpty()) {
      for (String node : predecessors.getOrDefault(queue.poll(), Set.of())) {
        if (before.add(node)) {
          queue.add(node);
        }
      }
    }
    Set<String> ahead = new HashSet<>(evaluating);
    ahead.addAll(before); // a call is ahead of a case waiting at it only when an evaluation follows it
    return Set.copyOf(ahead);
  }

  private static Set<String> ids(Iterable<FlowNode> nodes) {
    Set<String> ids = new HashSet<>();
    nodes.forEach(node -> ids.add(node.getId()));
    return ids;
  }

  /**
   * Where a token may go from {@code node}: along its sequence flows, to the events on its boundary
   * and on the boundary of every sub-process around it, into a sub-process, out of a finished
   * sub-process, and into the event sub-processes of every scope around it (they may start while it
   * waits).
   */
  private static List<FlowNode> successors(BpmnModelInstance model, FlowNode node, Map<FlowNode, List<FlowNode>> outgoing) {
    List<FlowNode> next = new ArrayList<>(outgoing.getOrDefault(node, List.of()));
    Set<ModelElementInstance> around = new HashSet<>();
    around.add(node);
    for (ModelElementInstance scope = node.getParentElement(); scope != null; scope = scope.getParentElement()) {
      around.add(scope);
      for (SubProcess eventSub : scope.getChildElementsByType(SubProcess.class)) {
        if (eventSub.triggeredByEvent()) {
          next.addAll(eventSub.getChildElementsByType(StartEvent.class));
        }
      }
    }
    for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
      if (around.contains(event.getAttachedTo())) {
        next.add(event);
      }
    }
    if (node instanceof SubProcess sub) {
      next.addAll(sub.getChildElementsByType(StartEvent.class));
    }
    if (!outgoing.containsKey(node)) {
      next.addAll(exit(node.getParentElement(), outgoing));
    }
    return next;
  }

  /**
   * Where a token goes when {@code scope} ends: along a sub-process's flows, or out of the scope
   * around it (after an event sub-process, or a sub-process without flows); nowhere at the top.
   */
  private static List<FlowNode> exit(ModelElementInstance scope, Map<FlowNode, List<FlowNode>> outgoing) {
    if (!(scope instanceof SubProcess sub)) {
      return List.of();
    }
    List<FlowNode> after = sub.triggeredByEvent() ? List.of() : outgoing.getOrDefault(sub, List.of());
    return after.isEmpty() ? exit(sub.getParentElement(), outgoing) : after;
  }
}

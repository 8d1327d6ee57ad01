package cn.gov.shuozhou.makerspace.identity;

import cn.gov.shuozhou.makerspace.access.Capability;
import cn.gov.shuozhou.makerspace.access.Groups;
import java.util.List;

/** The shared Tasklist filters of the roles. They name groups only, never a person. */
public final class TaskFilters {

  public static final String MY_TASKS = "我的待办";
  public static final String MY_GROUP_TASKS = "我的组任务";
  public static final String ALL_CITY_BUREAU_TASKS = "全部市局任务";

  private TaskFilters() {}

  public static List<TaskFilterDefinition> all() {
    List<String> tasklistUsers = Capability.WORK_ON_TASKS.groups().stream().sorted().toList();
    return List.of(
        new TaskFilterDefinition(MY_TASKS, "已分配给我的任务", "#3e4d2f", -10,
            taskService -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
            tasklistUsers),
        new TaskFilterDefinition(MY_GROUP_TASKS, "我所在组尚未认领的任务", "#2f4d6b", -5,
            taskService -> taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned(),
            Groups.ids(Groups.STAFF_GROUPS)),
        new TaskFilterDefinition(ALL_CITY_BUREAU_TASKS, "市科技局的全部任务（含已认领）", "#7a2f2f", 0,
            taskService -> taskService.createTaskQuery()
                .taskCandidateGroup(Groups.CITY_BUREAU)
                .includeAssignedTasks(),
            List.of(Groups.CITY_BUREAU)));
  }
}

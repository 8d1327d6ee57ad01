package cn.gov.shuozhou.makerspace.access;

/**
 * A Camunda group as the system needs it: id (binding, see the contract), Chinese name shown in
 * the webapps, and the Camunda group type ({@code WORKFLOW} for staff, {@code SYSTEM} for admins).
 */
public record GroupDefinition(String id, String name, String type) {}

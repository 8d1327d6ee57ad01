package cn.gov.shuozhou.makerspace.application;

import java.util.Set;

/**
 * The materials a filer uploaded before filing (drafts, kept by package {@code materials}, which
 * implements this so that the intake needs no storage class): what the intake checks against the
 * checklist and, once the case has its number, binds to it.
 */
public interface FilingDrafts {

  /** The checklist items (material codes) of {@code userId}'s drafts of an application. */
  Set<String> draftedItems(String userId);

  /** {@code userId}'s drafts of an application become version 1 of case {@code caseNumber}, in the caller's transaction. */
  void bind(String userId, String caseNumber);
}

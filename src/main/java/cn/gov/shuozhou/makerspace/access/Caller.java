package cn.gov.shuozhou.makerspace.access;

import java.util.Collection;
import java.util.Set;

/** Who is asking: a signed-in user and their groups. */
public record Caller(String userId, Set<String> groups) {

  public Caller {
    groups = Set.copyOf(groups);
  }

  public static Caller of(String userId, Collection<String> groups) {
    return new Caller(userId, groups == null ? Set.of() : Set.copyOf(groups));
  }

  /** True when one of the caller's groups holds {@code capability}. */
  public boolean may(Capability capability) {
    return groups.stream().anyMatch(capability.groups()::contains);
  }
}

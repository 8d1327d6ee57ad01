package cn.gov.shuozhou.makerspace.identity.demo;

import java.util.List;

/** A demo login: password = id (demo profile only), Chinese first/last name, its groups. */
public record DemoUser(String id, String firstName, String lastName, List<String> groups) {

  public DemoUser {
    groups = List.copyOf(groups);
  }

  public String email() {
    return id + "@demo.local";
  }
}

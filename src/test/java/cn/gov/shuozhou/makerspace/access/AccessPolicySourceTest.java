package cn.gov.shuozhou.makerspace.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One home for access rules: outside the policy ({@code access/}) no production class decides
 * on group membership itself. A group is named in code only where it is data, not a decision.
 */
class AccessPolicySourceTest {

  private static final Path SOURCES = Path.of("src/main/java/cn/gov/shuozhou/makerspace");

  /** Files that may name groups, and why. Paths relative to {@link #SOURCES}. */
  private static final Map<String, String> GROUPS_AS_DATA = Map.of(
      "identity/GroupSetup.java", "creates the contract's groups",
      "identity/demo/", "the demo users and their memberships",
      "identity/TaskFilters.java", "the shared Tasklist filters' queries",
      "organisation/OrganisationService.java", "an organisation account becomes a member of operators",
      "organisation/OrganisationController.java", "the answer names the account's group",
      "expertreview/ExpertPanel.java", "the panel is drawn from the members of experts",
      "certification/CertificationProcess.java", "the process variable experts (the panel) shares the group's name");

  /** A constant of Groups naming a group or a list of groups. */
  private static final Pattern GROUP_CONSTANT = Pattern.compile("\\bGroups\\.([A-Z][A-Z_]+)\\b");
  /** Deciding on an authentication's groups by hand, or on Camunda's own admin check. */
  private static final Pattern HAND_CHECK = Pattern.compile("\\.getGroupIds\\(\\)|isCamundaAdmin\\(");
  /** A contract group id written as a string literal. */
  private static final Pattern GROUP_LITERAL = Pattern.compile("\"(" + String.join("|", Groups.ids(Groups.ALL)) + ")\"");

  @Test
  void noClassOutsideThePolicyDecidesOnGroupsItself() throws IOException {
    List<String> offences = new ArrayList<>();
    for (Path file : javaFiles()) {
      String relative = SOURCES.relativize(file).toString().replace('\\', '/');
      if (relative.startsWith("access/")) {
        continue;
      }
      String source = Files.readString(file);
      boolean data = GROUPS_AS_DATA.keySet().stream().anyMatch(relative::startsWith);
      Matcher constant = GROUP_CONSTANT.matcher(source);
      while (!data && constant.find()) {
        offences.add(relative + ": Groups." + constant.group(1));
      }
      Matcher hand = HAND_CHECK.matcher(source);
      while (hand.find()) {
        offences.add(relative + ": " + hand.group());
      }
      Matcher literal = GROUP_LITERAL.matcher(withoutComments(source));
      while (!data && literal.find()) {
        offences.add(relative + ": " + literal.group());
      }
    }
    assertThat(offences).as("access decisions outside access/Capability (or group data not listed here)").isEmpty();
  }

  /** The scan sees what it must see: it would catch today's checks if they came back. */
  @Test
  void theScanRecognisesAHandCheck() {
    String handCheck = "if (user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {} String g = \"auditors\";";
    assertThat(GROUP_CONSTANT.matcher(handCheck).find()).isTrue();
    assertThat(HAND_CHECK.matcher(handCheck).find()).isTrue();
    assertThat(GROUP_LITERAL.matcher(handCheck).find()).isTrue();
    assertThat(HAND_CHECK.matcher("context.getAuthorizationManager().isCamundaAdmin(user)").find()).isTrue();
  }

  /** The code only: a group named in Javadoc or a comment decides nothing. */
  private static String withoutComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
  }

  private static List<Path> javaFiles() {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

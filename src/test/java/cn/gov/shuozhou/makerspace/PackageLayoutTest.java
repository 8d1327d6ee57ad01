package cn.gov.shuozhou.makerspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package says which articles it serves, and the README's layout table names exactly the packages there are. */
class PackageLayoutTest {

  private static final Path ROOT = Path.of("src/main/java/cn/gov/shuozhou/makerspace");

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    for (Path dir : packages()) {
      assertThat(dir.resolve("package-info.java")).as("package-info.java of " + dir).exists();
    }
  }

  @Test
  void theReadmeLayoutTableNamesEveryTopLevelPackage() throws IOException {
    Set<String> onDisk = new TreeSet<>();
    for (Path dir : packages()) {
      if (dir.getParent().equals(ROOT)) {
        onDisk.add(dir.getFileName().toString());
      }
    }
    Set<String> inReadme = new TreeSet<>();
    String readme = Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("| package ("), readme.indexOf("\n\n", readme.indexOf("| package (")));
    Matcher names = Pattern.compile("`([a-z]+)`").matcher(table);
    while (names.find()) {
      inReadme.add(names.group(1));
    }
    assertThat(inReadme).isEqualTo(onDisk);
  }

  private static List<Path> packages() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(Files::isDirectory).filter(dir -> !dir.equals(ROOT)).toList();
    }
  }
}

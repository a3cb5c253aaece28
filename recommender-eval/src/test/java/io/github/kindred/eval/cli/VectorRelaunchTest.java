package io.github.kindred.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorRelaunchTest {
  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void relaunchesOnlyWhenTheModuleIsMissingButAvailableAndNothingForbidsIt() {
    assertTrue(VectorRelaunch.shouldRelaunch(false, true, null, null, NO_ENV));
    assertFalse(VectorRelaunch.shouldRelaunch(true, true, null, null, NO_ENV), "already resolved");
    assertFalse(VectorRelaunch.shouldRelaunch(false, false, null, null, NO_ENV), "JDK without the module");
    assertFalse(VectorRelaunch.shouldRelaunch(false, true, "false", null, NO_ENV), "-Dkindred.vector=false");
    assertFalse(VectorRelaunch.shouldRelaunch(false, true, "FALSE", null, NO_ENV), "the switch ignores case");
    assertTrue(VectorRelaunch.shouldRelaunch(false, true, "true", null, NO_ENV), "-Dkindred.vector=true");
    assertFalse(VectorRelaunch.shouldRelaunch(false, true, null, "true", NO_ENV), "never from a child");
    assertFalse(VectorRelaunch.shouldRelaunch(false, true, null, null, Map.of("KINDRED_RELAUNCH", "false")));
    assertTrue(VectorRelaunch.shouldRelaunch(false, true, null, null, Map.of("KINDRED_RELAUNCH", "true")));
  }

  @Test
  void childCommandKeepsJvmOptionsClassPathMainAndArgumentsInOrder() {
    List<String> command = VectorRelaunch.command(Path.of("/opt/jdk"), List.of("-Xmx12g", "-Dfoo=bar"),
        "a.jar:b.jar", "com.example.Main", new String[] {"evaluate", "--cutoff", "20"});
    assertEquals(List.of(Path.of("/opt/jdk", "bin", "java").toString(), "--add-modules", "jdk.incubator.vector",
        "-Dkindred.relaunched=true", "-Xmx12g", "-Dfoo=bar", "-cp", "a.jar:b.jar", "com.example.Main", "evaluate",
        "--cutoff", "20"), command);
  }
}

package io.github.kindred.eval.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a command-line {@code main} run on the Vector API kernels without the user typing
 * {@code --add-modules jdk.incubator.vector}: when the JVM did not resolve that module but the JDK has it, the
 * command is started again in a child JVM with the same JVM options, class path, main class and arguments plus the
 * flag, its standard streams inherited, and the caller exits with the child's exit code.
 *
 * <p>Only for applications' {@code main} methods (the CLI, the demo, the reference service); a library never
 * starts processes. No relaunch happens when the module is already resolved, when the JDK lacks it, when the JVM
 * was started with {@code -Dkindred.vector=false} (the switch that also turns the kernels off), when the
 * environment sets {@code KINDRED_RELAUNCH=false}, or inside a relaunched child. If the child cannot be started,
 * the command runs in this JVM on the scalar kernels, which give the same results.
 */
public final class VectorRelaunch {
  static final String MODULE = "jdk.incubator.vector";
  static final String MARKER = "-Dkindred.relaunched=true";
  private static final Logger LOG = LoggerFactory.getLogger(VectorRelaunch.class);

  private VectorRelaunch() {}

  /**
   * Runs {@code mainClass} with {@code args} in a child JVM that resolves the Vector API module, if this JVM should.
   *
   * @param mainClass the class whose {@code main} is running
   * @param args its arguments
   * @return the child's exit code, which the caller passes to {@code System.exit}; empty when the caller should go on
   *     in this JVM
   */
  public static OptionalInt ifNeeded(Class<?> mainClass, String[] args) {
    boolean resolved = ModuleLayer.boot().findModule(MODULE).isPresent();
    boolean available = ModuleFinder.ofSystem().find(MODULE).isPresent();
    if (!shouldRelaunch(resolved, available, System.getProperty("kindred.vector"),
        System.getProperty("kindred.relaunched"), System.getenv())) {
      return OptionalInt.empty();
    }
    List<String> command = command(Path.of(System.getProperty("java.home")),
        ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"),
        mainClass.getName(), args);
    try {
      Process child = new ProcessBuilder(command).inheritIO().start();
      return OptionalInt.of(child.waitFor());
    } catch (IOException e) {
      LOG.warn("could not start a JVM with --add-modules {}; running on the scalar kernels: {}", MODULE,
          e.getMessage());
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(130);
    }
  }

  /** The decision of {@link #ifNeeded}, from what it reads of the JVM and the environment. */
  static boolean shouldRelaunch(boolean moduleResolved, boolean moduleAvailable, String vectorProperty,
      String relaunchedProperty, Map<String, String> environment) {
    return !moduleResolved && moduleAvailable && !"false".equalsIgnoreCase(vectorProperty)
        && relaunchedProperty == null && !"false".equalsIgnoreCase(environment.get("KINDRED_RELAUNCH"));
  }

  /**
   * The child's command line: this JDK's {@code java}, the module flag, the relaunch marker, this JVM's options
   * (heap size, system properties, agents), the class path, the main class and the arguments.
   */
  static List<String> command(Path javaHome, List<String> jvmOptions, String classPath, String mainClass,
      String[] args) {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.add("--add-modules");
    command.add(MODULE);
    command.add(MARKER);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }
}

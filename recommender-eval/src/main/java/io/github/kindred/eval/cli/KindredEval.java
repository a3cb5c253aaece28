package io.github.kindred.eval.cli;

import io.github.kindred.eval.experiment.Version;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code kindred-eval} tool. Exit codes: 0 on success, 2 for a malformed command line, 1 when
 * the command fails (unreadable or malformed data, an invalid algorithm parameter). Errors are one line on
 * standard error, never a stack trace.
 */
@Command(name = "kindred-eval", mixinStandardHelpOptions = true, versionProvider = KindredEval.Version.class,
    description = "Offline evaluation of Kindred recommenders.",
    subcommands = {EvaluateCommand.class, SplitCommand.class, CompareCommand.class, TuneCommand.class})
public final class KindredEval implements Runnable {
  /** Exit code of a command line that does not parse or names invalid values. */
  public static final int USAGE_ERROR = 2;
  /** Exit code of a command that failed while running (for example, malformed data). */
  public static final int FAILURE = 1;

  @Spec
  private CommandSpec spec;

  /** Used by picocli. */
  public KindredEval() {}

  /**
   * Runs the tool and exits the JVM with its exit code; started without the Vector API module, it runs itself again
   * with it ({@link VectorRelaunch}).
   */
  public static void main(String[] args) {
    OptionalInt child = VectorRelaunch.ifNeeded(KindredEval.class, args);
    if (child.isPresent()) {
      System.exit(child.getAsInt());
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * Runs the tool without exiting: the testable core of {@link #main(String[])}.
   *
   * @param args the command line
   * @param out where tables and help go
   * @param err where one-line errors go
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new KindredEval());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((e, a) -> {
      err.println("kindred-eval: " + oneLine(e.getMessage()));
      err.flush();
      return USAGE_ERROR;
    });
    cl.setExecutionExceptionHandler((e, c, parsed) -> {
      err.println("kindred-eval: " + oneLine(describe(e)));
      err.flush();
      return e instanceof ParameterException ? USAGE_ERROR : FAILURE;
    });
    int code = cl.execute(args);
    out.flush();
    return code;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command; available: evaluate, split, compare, tune");
  }

  /** The exception's message, or its type when it has none; causes are appended when they add information. */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message;
  }

  /** The first line of a message, so that errors stay on one line whatever picocli or a reader produced. */
  static String oneLine(String message) {
    if (message == null) {
      return "error";
    }
    String s = message.strip();
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** Reports the library version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"kindred-eval " + version()};
    }
  }

  /** The library version. */
  static String version() {
    return io.github.kindred.eval.experiment.Version.get();
  }
}

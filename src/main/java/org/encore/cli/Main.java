package org.encore.cli;

import org.encore.training.Engine;
import org.encore.training.dl4j.Dl4jEngine;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Headless entry point: {@code ./encore COMMAND [options]}. */
public final class Main {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;

    private Main() {
    }

    /** Every sub-command, in the order the usage lists them; those that train or score run on {@code engine}. */
    static List<Command> commands(Engine engine) {
        return List.of(
                new GenerateCommand(),
                new StatsCommand(),
                new TrainCommand(engine),
                new RecommendCommand(engine),
                new ReconstructCommand(engine),
                new EvaluateCommand(engine),
                new LatentCommand(engine));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line on the DL4J engine and returns its exit status, without exiting (for tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new Dl4jEngine());
    }

    /**
     * Runs a command line on {@code engine} and returns its exit status, without exiting. A failed write to
     * {@code out} (a full disk, a closed pipe), which PrintStream only records, turns a success into exit 1 with a message.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Engine engine) {
        int status = dispatch(args, out, err, engine);
        if (out.checkError()) {
            err.println("encore" + (args.length > 0 ? " " + args[0] : "") + ": cannot write to standard output "
                    + "(disk full, or the pipe was closed); the output is incomplete");
            return status == USAGE ? USAGE : ERROR;
        }
        return status;
    }

    private static int dispatch(String[] args, PrintStream out, PrintStream err, Engine engine) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            printUsage(args.length == 0 ? err : out, engine);
            return args.length == 0 ? USAGE : OK;
        }
        Command command = commands(engine).stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("encore: unknown command '" + args[0] + "'");
            printUsage(err, engine);
            return USAGE;
        }
        try {
            return command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        } catch (UsageException e) {
            err.println("encore " + command.name() + ": " + TerminalText.escape(e.getMessage()));
            err.println("usage: encore " + command.usage());
            return USAGE;
        } catch (Exception e) {
            err.println("encore " + command.name() + ": " + TerminalText.escape(describe(e)));
            return ERROR;
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void printUsage(PrintStream to, Engine engine) {
        to.println("usage: encore                 open the workbench on sample-data/");
        to.println("       encore COMMAND [options]");
        to.println("commands:");
        for (Command c : commands(engine)) {
            to.println("  " + c.usage());
        }
    }
}

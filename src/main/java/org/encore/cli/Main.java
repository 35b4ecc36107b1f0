package org.encore.cli;

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

    /** Every sub-command, in the order the usage lists them. */
    static List<Command> commands() {
        return List.of(
                new GenerateCommand(),
                new StatsCommand(),
                new TrainCommand(),
                new RecommendCommand(),
                new EvaluateCommand(),
                new LatentCommand());
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs a command line and returns its exit status, without exiting (for tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            printUsage(args.length == 0 ? err : out);
            return args.length == 0 ? USAGE : OK;
        }
        Command command = commands().stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("encore: unknown command '" + args[0] + "'");
            printUsage(err);
            return USAGE;
        }
        try {
            return command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        } catch (UsageException e) {
            err.println("encore " + command.name() + ": " + e.getMessage());
            err.println("usage: encore " + command.usage());
            return USAGE;
        } catch (Exception e) {
            err.println("encore " + command.name() + ": " + describe(e));
            return ERROR;
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void printUsage(PrintStream to) {
        to.println("usage: encore                 open the workbench on sample-data/");
        to.println("       encore COMMAND [options]");
        to.println("commands:");
        for (Command c : commands()) {
            to.println("  " + c.usage());
        }
    }
}

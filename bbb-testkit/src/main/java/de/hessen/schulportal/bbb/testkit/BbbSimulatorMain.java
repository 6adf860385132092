package de.hessen.schulportal.bbb.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone, for integrators testing from other languages:
 *
 * <pre>
 * java -jar bbb-testkit.jar --port 8090 --secret mysecret --checksum-algorithms sha256,sha512
 * </pre>
 *
 * Prints the base URL and the secret, then serves until the process is stopped. The standalone
 * simulator uses the system clock, so meetings expire and recordings publish in real time
 * ({@code --recording-processing-seconds}, default 5).
 */
public final class BbbSimulatorMain {
    private BbbSimulatorMain() {
    }

    /**
     * Starts the simulator and blocks until the JVM shuts down.
     *
     * @param args {@code --port N} (default 8090; 0 for any free port), {@code --secret S} (default
     *             random), {@code --checksum-algorithms a,b}, {@code --recording-processing-seconds N},
     *             {@code --help}
     * @throws InterruptedException if the main thread is interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        BbbSimulator sim;
        try {
            sim = startFrom(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bbb-testkit: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (sim == null) {
            System.out.println(usage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "bbb-simulator-shutdown"));
        stopped.await();
    }

    /**
     * Parses the arguments, starts a simulator and prints its URL and secret; null for {@code --help}.
     * Exposed for tests and for embedding the command line in other launchers.
     *
     * @param args the command-line arguments, as for {@link #main(String[])}
     * @return the running simulator (the caller closes it), or null if {@code --help} or {@code -h}
     *         was given
     * @throws IllegalArgumentException for unknown or malformed arguments
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public static BbbSimulator startFrom(String[] args) {
        BbbSimulator.Builder builder = BbbSimulator.builder().systemClock()
                .recordingProcessingTime(Duration.ofSeconds(5)).port(8090);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--port":
                    builder.port(number(arg, value));
                    break;
                case "--secret":
                    builder.secret(value);
                    break;
                case "--checksum-algorithms":
                    builder.supportedChecksumAlgorithms(value.split(","));
                    break;
                case "--recording-processing-seconds":
                    builder.recordingProcessingTime(Duration.ofSeconds(number(arg, value)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        BbbSimulator sim = builder.start();
        // Printing the secret is the point of this command: the caller needs it to sign requests.
        System.out.println("BigBlueButton simulator listening");
        System.out.println("URL:    " + sim.baseUrl());
        System.out.println("Secret: " + sim.secret());
        System.out.flush();
        return sim;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }

    private static String usage() {
        return "usage: java -jar bbb-testkit.jar [--port 8090] [--secret S] "
                + "[--checksum-algorithms sha1,sha256,sha384,sha512] [--recording-processing-seconds 5]";
    }
}

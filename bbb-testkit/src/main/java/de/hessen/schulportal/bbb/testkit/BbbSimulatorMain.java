// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone, for integrators testing from other languages:
 *
 * <pre>
 * java -jar bbb-testkit.jar --port 8090 --secret mysecret --checksum-algorithms sha256,sha512
 * java -jar bbb-testkit.jar --mode scalelite --tenant schule-a:secretA --tenant schule-b:secretB1:secretB2
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
     *             {@code --mode bbb-web|scalelite}, {@code --tenant name:secret[:secret…]} (repeatable,
     *             Scalelite only), {@code --servers N} (Scalelite only, default 2), {@code --help}. A port
     *             that is taken ends the program with one line on standard error and exit status 1.
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
        } catch (UncheckedIOException e) {
            System.err.println("bbb-testkit: " + e.getMessage()
                    + " (choose another with --port, or --port 0 for any free port)");
            System.exit(1);
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
        BbbSimulatorBuilder builder = BbbSimulator.builder().systemClock()
                .recordingProcessingTime(Duration.ofSeconds(5)).port(8090);
        java.util.List<String> tenants = new java.util.ArrayList<>();
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
                case "--mode":
                    builder.mode(mode(value));
                    break;
                case "--tenant":
                    tenants.add(value.split(":", -1)[0]);
                    String[] parts = value.split(":", -1);
                    if (parts.length < 2) {
                        throw new IllegalArgumentException("--tenant needs name:secret[:secret...], got '" + value + "'");
                    }
                    builder.tenant(parts[0], parts[1], java.util.Arrays.copyOfRange(parts, 2, parts.length));
                    break;
                case "--servers":
                    builder.servers(number(arg, value));
                    break;
                case "--recording-processing-seconds":
                    builder.recordingProcessingTime(Duration.ofSeconds(number(arg, value)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        BbbSimulator sim = builder.start();
        // Printing the secrets is the point of this command: the caller needs them to sign requests.
        if (sim.mode() == SimulatorMode.SCALELITE) {
            System.out.println("Scalelite simulator listening (" + sim.servers().size() + " BigBlueButton servers)");
        } else {
            System.out.println("BigBlueButton simulator listening");
        }
        System.out.println("URL:    " + sim.baseUrl());
        System.out.println("Secret: " + sim.secret());
        for (String tenant : tenants) {
            System.out.println("Tenant: " + tenant + " " + sim.baseUrl(tenant));
        }
        System.out.flush();
        return sim;
    }

    private static SimulatorMode mode(String value) {
        switch (value) {
            case "bbb-web": return SimulatorMode.BBB_WEB;
            case "scalelite": return SimulatorMode.SCALELITE;
            default: throw new IllegalArgumentException("--mode must be bbb-web or scalelite, got '" + value + "'");
        }
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
                + "[--checksum-algorithms sha1,sha256,sha384,sha512] [--recording-processing-seconds 5]\n"
                + "       [--mode bbb-web|scalelite] [--tenant name:secret[:secret...]]... [--servers 2]";
    }
}

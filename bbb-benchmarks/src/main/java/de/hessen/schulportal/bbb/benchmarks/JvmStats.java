// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Thread count and heap of this JVM, for the harness reports. */
public final class JvmStats {
    private JvmStats() {
    }

    /** @return live threads */
    public static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** @return heap in use after a full GC, in MiB: what the run retained */
    public static double retainedHeapMiB() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024);
    }

    /**
     * Live threads grouped by name with digits removed, largest groups first, e.g.
     * {@code HttpClient-#-Worker-#=150}.
     *
     * @return the summary
     */
    public static String threadGroups() {
        java.util.Map<String, Integer> groups = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            groups.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        groups.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(4)
                .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue()));
        return sb.toString();
    }

    /** Starts a new peak measurement of the heap. */
    public static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** @return the sum of the heap pools' peaks since the last reset, in MiB (an upper bound of the peak heap) */
    public static double peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024.0 * 1024);
    }

    /**
     * CPU time this JVM has used so far, all threads.
     *
     * @return seconds, or NaN if the platform does not say
     */
    public static double processCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}

// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the gateway when the tenants file changes: it watches the file's directory (so an editor's
 * save, a {@code mv} of a new file over the old one and a Kubernetes ConfigMap's symlink swap are all
 * seen) and calls {@link Reloader#reload()} after each change. A half-written file is refused by the
 * reload and the next change applies the finished one; the running configuration never has a gap.
 *
 * <p>One daemon thread; {@link #close()} stops it. Thread-safe.
 */
final class TenantsFileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TenantsFileWatcher.class);

    private final WatchService watcher;
    private final Thread thread;

    /**
     * Starts watching.
     *
     * @param file the tenants file
     * @param reloader what to call after a change
     * @throws UncheckedIOException if the directory cannot be watched
     */
    TenantsFileWatcher(Path file, Reloader reloader) {
        Objects.requireNonNull(reloader, "reloader");
        Path dir = file.toAbsolutePath().getParent();
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the directory of the tenants file", e);
        }
        this.thread = new Thread(() -> run(reloader), "bbb-gateway-tenants-file");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Reloader reloader) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                // One reload for a burst of events (an editor writes, renames and changes attributes).
                key.pollEvents();
                key.reset();
                WatchKey more;
                while ((more = watcher.poll()) != null) {
                    more.pollEvents();
                    more.reset();
                }
                reloader.reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            LOG.debug("tenants file watcher stopped");
        } catch (RuntimeException e) {
            LOG.error("tenants file watcher stopped; the running configuration stays until a restart: {}", e.getClass().getName());
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the tenants file watcher: {}", e.getClass().getName());
        }
        thread.interrupt();
    }
}

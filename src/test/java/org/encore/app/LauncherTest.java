package org.encore.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LauncherTest {
    private final Logger javafxLog = Logger.getLogger("javafx");
    private final List<String> published = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            published.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void restoreJavafxLog() {
        javafxLog.removeHandler(capture);
        javafxLog.setFilter(null);
        javafxLog.setUseParentHandlers(true);
    }

    @Test
    void hidesOnlyJavafxClassPathWarning() {
        javafxLog.addHandler(capture);
        javafxLog.setUseParentHandlers(false);
        Launcher.hideClassPathWarning();
        // the way JavaFX itself logs (com.sun.javafx.logging.PlatformLogger wraps this System.Logger)
        System.Logger javafx = System.getLogger("javafx");
        javafx.log(System.Logger.Level.WARNING, "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'");
        javafx.log(System.Logger.Level.WARNING, "some other JavaFX warning");
        assertEquals(List.of("some other JavaFX warning"), published);
    }
}
